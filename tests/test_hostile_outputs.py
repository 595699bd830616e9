"""Issue 9, output hygiene: control characters from a document or a file name never reach the
terminal raw or break XML/JSON; names that are not valid UTF-8 show replacement characters;
reports are written atomically."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.dom import minidom

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"
FORMATS = ["text", "concise", "github", "json", "junit", "sarif", "html"]
CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\n\t"] + ["\x7f", "\x9b"]


def auditor(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "AUDITOR_DEBUG"}
    return subprocess.run([sys.executable, "-m", "auditor", *args], cwd=cwd, capture_output=True, timeout=120,
                          env=env)


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("names")
    data = REPORT.read_bytes()
    (folder / "docs").mkdir()
    if sys.platform != "darwin":  # macOS refuses names that are not UTF-8
        (folder / "docs" / os.fsdecode(b"\xff\xfe\xb0bad.txt")).write_bytes(data)
    (folder / "docs" / "esc\x1b[2Jname\x07.txt").write_bytes(data)
    (folder / "docs" / "ctl.txt").write_bytes(data.replace("自评".encode(), "\x1b]0;pwn\x07\x01\x0b\x7f\x9b".encode()))
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_survives_hostile_names_and_text(hostile_folder, fmt):
    out = f"out-{fmt}.report"
    proc = auditor("check", "docs", "--format", fmt, "-o", out, "-j", "2", cwd=hostile_folder)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 1, err
    assert "Traceback" not in err and "内部错误" not in err
    data = (hostile_folder / out).read_bytes()
    text = data.decode("utf-8")  # valid UTF-8: no lone surrogate written
    assert not any(c in text for c in CONTROLS if c != "\r"), fmt
    assert "\r" not in text or fmt == "html"
    if fmt == "junit":
        minidom.parseString(data)
    if fmt in ("json", "sarif"):
        json.loads(text)
    if fmt == "json" and sys.platform != "darwin":
        names = [f["path"] for f in json.loads(text)["files"]]
        assert any("\ufffd" in n and n.endswith("bad.txt") for n in names), names
        assert "\\u001b[2Jname\\u0007" in text  # escaped as JSON escapes
    for c in CONTROLS:
        assert c not in err


def test_terminal_text_escapes_but_keeps_own_colours(hostile_folder):
    proc = auditor("check", "docs", "--format", "text", "--color", "always", "-j", "1", cwd=hostile_folder)
    out = proc.stdout.decode("utf-8")
    assert "\x1b[31m" in out  # the report's own colour
    assert "\x1b]0;" not in out and "\x1b[2J" not in out and "\x07" not in out
    assert "\\x1b]0;pwn\\x07" in out or "\\x1b[2J" in out


def test_hygiene_helpers():
    from auditor.report.hygiene import clean_json, clean_terminal, clean_text

    assert clean_text("a\x1bb\x00c\n\td\udcff") == "a\\x1bb\\x00c\n\td\ufffd"
    assert clean_terminal("\x1b[31m错\x1b[0m\x1b[2J", colour=True) == "\x1b[31m错\x1b[0m\\x1b[2J"
    assert json.loads(clean_json(json.dumps({"a": "x\x7f\x85\udcff"}, ensure_ascii=False))) == {"a": "x\x7f\x85\ufffd"}


def test_report_written_atomically(tmp_path, monkeypatch):
    from auditor import report

    target = tmp_path / "r.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(source, destination):  # Ctrl-C after the temporary file is written, before the rename
        raise KeyboardInterrupt

    monkeypatch.setattr(report.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        report.write_atomic(target, "new" * 100000)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # no temporary file left
    monkeypatch.undo()
    report.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_report_to_dev_stdout_is_written_directly(tmp_path):
    proc = auditor("check", str(REPORT), "-o", "/dev/stdout", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1
    json.loads(proc.stdout)


def test_fingerprint_of_a_name_that_is_not_utf8_is_stable(hostile_folder):
    if sys.platform == "darwin":
        pytest.skip("macOS refuses names that are not UTF-8")
    runs = [auditor("check", "docs", "--format", "json", "-o", "-", "-j", str(j), cwd=hostile_folder).stdout
            for j in (1, 2)]
    assert runs[0] == runs[1]
