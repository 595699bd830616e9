"""Issue 9 reproducers on the command line: tiny and negative time limits, a report path that is
a folder, inspect on a broken UTF-16 file, quotation marks in the HTML report."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"


def auditor(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "AUDITOR_DEBUG"}
    return subprocess.run([sys.executable, "-m", "auditor", *args], cwd=cwd, capture_output=True, timeout=120,
                          env=env)


def no_traceback(proc) -> str:
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err and not err.startswith("内部错误"), err
    return err


@pytest.mark.parametrize("seconds", ["0.000001", "1e-9", "0.001"])
def test_a_tiny_time_limit_fails_the_file_not_the_tool(tmp_path, seconds):
    proc = auditor("check", str(REPORT), "--timeout", seconds, "--format", "text", cwd=tmp_path)
    err = no_traceback(proc)
    assert proc.returncode == 3, err
    assert "处理超时" in proc.stdout.decode("utf-8") + err


@pytest.mark.parametrize("seconds", ["-1", "-0.5", "abc", "nan"])
def test_a_negative_or_bad_time_limit_is_a_usage_error(tmp_path, seconds):
    proc = auditor("check", str(REPORT), "--timeout", seconds, "--format", "text", cwd=tmp_path)
    err = no_traceback(proc)
    assert proc.returncode in ((2, 3) if seconds == "nan" else (2,)), (proc.returncode, err)


def test_an_infinite_time_limit_is_no_limit(tmp_path):
    proc = auditor("check", str(REPORT), "--timeout", "inf", "--format", "text", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 1


def test_report_naming_a_folder(tmp_path):
    (tmp_path / "out").mkdir()
    proc = auditor("check", str(REPORT), "--report", "out", "--format", "json", cwd=tmp_path)
    err = no_traceback(proc)
    assert proc.returncode == 2 and "文件夹" in err


def test_inspect_a_utf16_file_with_an_odd_byte_count(tmp_path):
    (tmp_path / "odd.txt").write_bytes(b"\xff\xfe" + "部门决算".encode("utf-16-le") + b"\x42")
    proc = auditor("inspect", "odd.txt", cwd=tmp_path)
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert proc.returncode in (0, 3), err
    if proc.returncode == 3:
        assert err.startswith("无法读取 odd.txt：")


def test_html_quotes_are_not_double_escaped():
    from auditor.report.html_report import highlight_numbers

    html = str(highlight_numbers('指标"完成率95%"与<表1>'))
    assert html.count("&#34;") == 2 and "&#<mark>" not in html and "<mark>95%</mark>" in html
    assert "&lt;表<mark>1</mark>&gt;" in html


def test_a_5000_digit_number_does_not_break_a_rule(tmp_path):
    text = REPORT.read_text(encoding="utf-8").replace("1234.56元", "1" + "2" * 5000 + ".56元")
    text = text.replace("旅游推介活动8场", "旅游推介活动" + "8" * 5000 + "场")
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    proc = auditor("check", "long.txt", "--format", "json", "-o", "-", cwd=tmp_path)
    no_traceback(proc)
    import json

    result = json.loads(proc.stdout)["files"][0]
    assert result["error"] is None
    assert not [n for n in result["not_assessable"] if "出错" in n["reason"]], result["not_assessable"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_device_and_dangling_link_in_a_folder_are_listed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(REPORT.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (folder / "zero.txt").symlink_to("/dev/zero")
    proc = auditor("check", "docs", "--format", "text", "--timeout", "20", cwd=tmp_path)
    err = no_traceback(proc)
    assert proc.returncode == 3, err
    out = proc.stdout.decode("utf-8")
    for name in ("pipe.txt", "gone.md", "zero.txt"):
        assert f"docs/{name}: 无法读取：" in out, out
