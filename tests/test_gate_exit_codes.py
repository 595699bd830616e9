"""Exit codes mean one thing each; every problem with the arguments is found before any file is read."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor import batch
from auditor.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _usage_error(result, *names):
    """Exit 2 with one Chinese line on stderr naming what was wrong."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert CHINESE.search(lines[0]) and "Traceback" not in result.output
    for name in names:
        assert name in lines[0], (name, lines[0])
    return lines[0]


def test_an_ignore_entry_with_a_bad_expiry_stops_before_the_audit(tmp_path, audits):
    ignore = tmp_path / ".auditor-ignore.yaml"
    ignore.write_text("ignore:\n  - fingerprint: 0123456789abcdef\n    reason: 已核实\n    expires: tomorrow\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--ignore-file", str(ignore)])
    _usage_error(result, str(ignore), "expires", "tomorrow", "YYYY-MM-DD")
    assert audits == []


def test_a_report_that_cannot_be_written_stops_before_the_audit(tmp_path, audits):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--report", str(blocker / "out.html")])
    _usage_error(result, "--report", str(blocker))
    result = runner.invoke(app, ["check", str(REPORT), "--report", str(tmp_path)])
    _usage_error(result, "--report", "文件夹")
    assert audits == []


@pytest.mark.parametrize("workers", [[], ["--workers", "1"]])
def test_a_negative_timeout_is_a_usage_error(workers, audits):
    result = runner.invoke(app, ["check", str(REPORT), "--timeout", "-1", *workers])
    _usage_error(result, "--timeout", "-1", "不小于 0")
    assert audits == []


def test_a_negative_worker_count_is_a_usage_error(audits):
    _usage_error(runner.invoke(app, ["check", str(REPORT), "--workers", "-3"]), "--workers", "-3")
    assert audits == []


def test_a_missing_path_is_a_usage_error_not_an_unreadable_file(audits):
    line = _usage_error(runner.invoke(app, ["check", "/no/such/path"]), "/no/such/path", "不存在")
    assert "扩展名" not in line and audits == []


BAD_VALUES = [
    (["check", str(REPORT), "--format", "pdf"], ["--format", "html", "sarif"]),
    (["check", str(REPORT), "--fail-on", "fatal"], ["--fail-on", "error", "warning", "info"]),
    (["check", str(REPORT), "--workers", "abc"], ["--workers"]),
    (["check", str(REPORT), "--timeout", "soon"], ["--timeout"]),
    (["check", str(REPORT), "--report", "/"], ["--report"]),
    (["check", str(REPORT), "--rules", "/no/such/rules"], ["/no/such/rules"]),
    (["check", str(REPORT), "--baseline", "/no/such/baseline.json"], ["--baseline"]),
    (["check", str(REPORT), "--ignore-file", "/no/such/ignore.yaml"], ["--ignore-file"]),
    (["check", str(REPORT), "--config", "/no/such/config.yaml"], ["--config"]),
    (["check", str(REPORT), "--no-rounding=yes"], ["--no-rounding"]),
    (["check", str(REPORT), "--include"], ["--include"]),
    (["check", str(REPORT), "--exclude"], ["--exclude"]),
    (["check", str(REPORT), "--colour"], ["--colour"]),
    (["check", str(REPORT), "--color", "rainbow"], ["--color", "auto、always、never"]),
    (["check", str(REPORT), "--quiet=yes"], ["--quiet"]),
    (["check", str(REPORT), "--statistics=1"], ["--statistics"]),
    (["check", str(REPORT), "--no-default-rules=1"], ["--no-default-rules"]),
    (["check", str(REPORT), "--debug=1"], ["--debug"]),
    (["baseline", str(REPORT), "--output", "/"], ["-o/--output"]),
    (["baseline", str(REPORT), "--rules", "/no/such/rules"], ["/no/such/rules"]),
    (["ignore", "0123456789abcdef", "--reason", "x", "--expires", "soon"], ["--expires", "YYYY-MM-DD"]),
    (["ignore", "0123456789abcdef"], ["--reason"]),
    (["schema", "everything"], ["rules、config、ignore、baseline"]),
    (["inspect", str(REPORT), "--json=2"], ["--json"]),
    (["baseline", str(REPORT), "--workers", "-1"], ["--workers"]),
    (["inspect", "/no/such/file.txt"], ["/no/such/file.txt"]),
    (["rules", "list", "--rules", "/no/such/rules"], ["/no/such/rules"]),
    (["rules", "explain", "NOPE999"], ["NOPE999"]),
    (["frobnicate"], ["frobnicate"]),
]


@pytest.mark.parametrize("args,names", BAD_VALUES, ids=[" ".join(a[2:] or a) for a, _ in BAD_VALUES])
def test_every_bad_option_value_is_one_chinese_line_and_exit_2(args, names, audits):
    _usage_error(runner.invoke(app, args), *names)
    assert audits == []


def test_an_internal_error_exits_4_with_the_traceback_only_under_debug(monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("注入的故障")

    monkeypatch.setattr(batch, "run", broken)
    monkeypatch.setattr("auditor.cli.CRASH_LOG", tmp_path / "auditor-error.log")
    out = tmp_path / "r.json"
    quiet = runner.invoke(app, ["check", str(REPORT), "--format", "json", "-o", str(out)])
    assert quiet.exit_code == 4 and "内部错误" in quiet.stderr and "注入的故障" in quiet.stderr
    assert "Traceback" not in quiet.output
    assert "Traceback" in (tmp_path / "auditor-error.log").read_text(encoding="utf-8")
    loud = runner.invoke(app, ["check", str(REPORT), "--format", "json", "-o", str(out), "--debug"])
    assert loud.exit_code == 4 and "Traceback" in loud.stderr and "RuntimeError" in loud.stderr
    assert not out.exists()


def test_an_error_inside_a_worker_process_is_internal_too(monkeypatch):
    """A bug in the audit is exit 4 with one worker or many, never a file 'that could not be read'."""
    import auditor.engine as engine

    def broken(path, rules, options=None):
        raise RuntimeError("注入的故障")

    monkeypatch.setattr("auditor.batch.audit_file", broken)
    result = runner.invoke(app, ["check", str(REPORT), "--format", "text", "--workers", "1"])
    assert result.exit_code == 4 and "注入的故障" in result.stderr
    assert engine.audit_file is not broken


def test_version_and_short_help():
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.startswith("auditor ")
    helped = runner.invoke(app, ["check", "-h"])
    assert helped.exit_code == 0 and "--fail-on" in helped.output


def test_findings_exit_1_and_clean_exit_0(tmp_path):
    clean = Path(__file__).parent / "fixtures" / "clean_report.txt"
    assert runner.invoke(app, ["check", str(clean), "--format", "text"]).exit_code == 0
    assert runner.invoke(app, ["check", str(REPORT), "--format", "text"]).exit_code == 1
