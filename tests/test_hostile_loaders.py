"""Issue 9, safe loaders: rule, config, ignore and baseline files that are hostile end with exit 2
and one Chinese line, never a traceback, a hang or an exit 4."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "tests" / "fixtures" / "clean_report.txt"

BOMB = """a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
disable: [*g]
"""

RULE = """id: XYZ001
name: x-y
title: t
kind: {kind}
class: numbering
severity: error
message: "{message}"
doc: d
examples: {{fire: [a, b], quiet: [c, d]}}
params: {{check: regex, regex: '{regex}'}}
"""


def auditor(*args, cwd: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "AUDITOR_DEBUG": ""}
    env.pop("AUDITOR_DEBUG")
    return subprocess.run([sys.executable, "-m", "auditor", *args], cwd=cwd, capture_output=True,
                          timeout=timeout, env=env)


def assert_refused(proc, *words: str) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, (proc.returncode, err)
    assert "Traceback" not in err and "内部错误" not in err, err
    for word in words:
        assert word in err, err


def rule(tmp_path: Path, kind="pattern", message="{quote}", regex="a") -> Path:
    path = tmp_path / "rule.yaml"
    path.write_text(RULE.format(kind=kind, message=message, regex=regex), encoding="utf-8")
    return path


def test_a_valid_hand_written_rule_loads(tmp_path):
    proc = auditor("rules", "list", "--rules", str(rule(tmp_path)), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"XYZ001" in proc.stdout


@pytest.mark.parametrize("option", ["--config", "--ignore-file", "--baseline"])
def test_alias_bomb_refused_quickly(tmp_path, option):
    (tmp_path / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    word = "JSON" if option == "--baseline" else "别名"  # the baseline is JSON, the others YAML
    assert_refused(auditor("check", str(CLEAN), option, "bomb.yaml", "--format", "text", cwd=tmp_path), word)


def test_alias_bomb_in_a_rule_file(tmp_path):
    (tmp_path / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    assert_refused(auditor("rules", "list", "--rules", "bomb.yaml", cwd=tmp_path), "别名")


@pytest.mark.parametrize("text", ["a: " + "[" * 3000 + "]" * 3000,
                                  "a:\n" + "".join(" " * i + "k:\n" for i in range(1, 400))])
def test_deep_nesting_refused(tmp_path, text):
    (tmp_path / "deep.yaml").write_text(text, encoding="utf-8")
    assert_refused(auditor("check", str(CLEAN), "--config", "deep.yaml", "--format", "text", cwd=tmp_path))
    assert_refused(auditor("rules", "list", "--rules", "deep.yaml", cwd=tmp_path))


def test_duplicate_key_refused_with_its_line(tmp_path):
    """A key stated twice in one mapping: YAML would keep the second silently and lose the first."""
    (tmp_path / "dup.yaml").write_text("disable: [SUM001]\nseverity: {}\ndisable: [CAL001]\n", encoding="utf-8")
    assert_refused(auditor("check", str(CLEAN), "--config", "dup.yaml", "--format", "text", cwd=tmp_path),
                   "第 3 行", "disable", "重复")
    text = RULE.format(kind="pattern", message="{quote}", regex="a") + "severity: warning\n"
    (tmp_path / "rule.yaml").write_text(text, encoding="utf-8")
    assert_refused(auditor("rules", "list", "--rules", "rule.yaml", cwd=tmp_path), "severity", "重复")


def test_same_key_in_sibling_mappings_is_no_duplicate():
    from auditor.knowledge import check_yaml_shape

    # (items of a list, mappings side by side, a mapping as a key's value: each its own keys)
    check_yaml_shape("a: {k: 1}\nb: {k: 2}\nc:\n  - {k: 1, j: 2}\n  - {k: 3}\nd: [k, k]\n")


@pytest.mark.parametrize("option", ["--config", "--ignore-file", "--baseline", "--rules"])
def test_fifo_refused_without_blocking(tmp_path, option):
    os.mkfifo(tmp_path / "pipe.yaml")
    args = ("rules", "list", "--rules", "pipe.yaml") if option == "--rules" else \
        ("check", str(CLEAN), option, "pipe.yaml", "--format", "text")
    assert_refused(auditor(*args, cwd=tmp_path, timeout=20), "不是普通文件")


def test_device_refused(tmp_path):
    assert_refused(auditor("check", str(CLEAN), "--config", "/dev/zero", "--format", "text", cwd=tmp_path),
                   "不是普通文件")


def test_oversized_config_refused(tmp_path):
    (tmp_path / "big.yaml").write_text("# x\n" * 1_200_000, encoding="utf-8")
    assert_refused(auditor("check", str(CLEAN), "--config", "big.yaml", "--format", "text", cwd=tmp_path),
                   "超出限制")


def test_config_not_utf8(tmp_path):
    (tmp_path / "c.yaml").write_bytes(b"disable: [\xff\xfe]\n")
    assert_refused(auditor("check", str(CLEAN), "--config", "c.yaml", "--format", "text", cwd=tmp_path),
                   "UTF-8")


@pytest.mark.parametrize("kind,message,regex,words", [
    ("[pattern]", "{quote}", "a", ["kind"]),
    ("pattern", "{quote:%}", "a", ["message", "{名称}"]),
    ("pattern", "{quote:>99999999}", "a", ["message"]),
    ("pattern", "{quote!r}", "a", ["message"]),
    ("pattern", "{quote.__class__}", "a", ["message"]),
    ("pattern", "{quote}", "(a+)+$", ["regex", "嵌套"]),
    ("pattern", "{quote}", "(x|y\\\\d{1,3})*z", ["regex", "嵌套"]),
    ("pattern", "{quote}", "a{99999999999}", ["regex"]),
    ("pattern", "{quote}", "a{5000}", ["regex", "超出限制"]),
    ("pattern", "{quote}", "(", ["regex"]),
])
def test_bad_rules_refused(tmp_path, kind, message, regex, words):
    path = rule(tmp_path, kind, message, regex)
    assert_refused(auditor("rules", "list", "--rules", str(path), cwd=tmp_path), *words)
    assert_refused(auditor("rules", "test", str(path), cwd=tmp_path, timeout=20), *words)


def test_backtracking_regex_in_config_params_refused(tmp_path):
    (tmp_path / "c.yaml").write_text("params:\n  XYZ001: {regex: '(a*)*b'}\n", encoding="utf-8")
    path = rule(tmp_path)
    assert_refused(auditor("check", str(CLEAN), "--config", "c.yaml", "--rules", str(path), "--format", "text",
                           cwd=tmp_path), "params.XYZ001")


def test_loader_guards_directly(tmp_path):
    from auditor.knowledge import UnsafeInput, load_yaml

    with pytest.raises(UnsafeInput):
        load_yaml(BOMB)
    assert load_yaml("a: &x 1\nb: *x\n") == {"a": 1, "b": 1}  # a few aliases are fine


def test_ignore_file_whose_top_level_is_a_list(tmp_path):
    (tmp_path / "ig.yaml").write_text("- a\n- b\n", encoding="utf-8")
    assert_refused(auditor("check", str(CLEAN), "--ignore-file", "ig.yaml", "--format", "text", cwd=tmp_path))


def test_baseline_entry_without_fingerprint(tmp_path):
    (tmp_path / "b.json").write_text('{"version": 1, "findings": [{"rule": "X"}]}', encoding="utf-8")
    assert_refused(auditor("check", str(CLEAN), "--baseline", "b.json", "--format", "text", cwd=tmp_path),
                   "fingerprint")


def test_deep_json_baseline(tmp_path):
    (tmp_path / "b.json").write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    assert_refused(auditor("check", str(CLEAN), "--baseline", "b.json", "--format", "text", cwd=tmp_path))


@pytest.mark.parametrize("text", ["disable: 5\n", "rounding: 'no'\n", "severity: [1, 2]\n", "tolerance: {SUM001: 3}\n",
                                  "params: 7\n", "rules: {a: 1}\n", "- 1\n- 2\n", "ignore_file: [x]\n"])
def test_config_wrong_types(tmp_path, text):
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    assert_refused(auditor("check", str(CLEAN), "--config", "c.yaml", "--format", "text", cwd=tmp_path))
