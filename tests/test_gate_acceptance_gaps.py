"""Issue #8, the defects and acceptance items no other gate test reproduced (or reproduced only in
part), each pinning the behaviour that is now right."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest
import typer
import yaml
from typer.testing import CliRunner

from auditor import batch
from auditor.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
REPORT = EXAMPLES / "部门整体支出绩效自评报告示例.txt"
CLEAN = Path(__file__).parent / "fixtures" / "clean_report.txt"
README = (ROOT / "README.md").read_text(encoding="utf-8")
AUDITOR = Path(sys.executable).with_name("auditor")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
FINGERPRINT = "0123456789abcdef"

# A 部门决算 table whose 201 row is 10.00 more than its only sub-item: SUM001, a 10.00 gap.
TEN_OFF = ("某局2025年度部门决算\n支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\n"
           "201\t一般公共服务支出\t110.00\n20101\t人大事务\t100.00\n")


def _one_chinese_line(result, *names) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert CHINESE.search(lines[0]) and "Traceback" not in result.output
    for name in names:
        assert name in lines[0], (name, lines[0])
    return lines[0]


def _can_create_in(folder: Path) -> bool:
    try:
        probe = folder / ".auditor-probe"
        probe.write_text("", encoding="utf-8")
    except OSError:
        return False
    probe.unlink()
    return True


@pytest.fixture
def unwritable(tmp_path) -> Path:
    """A folder this process cannot create files in: read-only for a normal user; /sys for root,
    who may write anywhere else."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if not _can_create_in(folder):
            yield folder
        elif Path("/sys").is_dir() and not _can_create_in(Path("/sys")):
            yield Path("/sys")
        else:
            pytest.skip("找不到不可写的文件夹")
    finally:
        folder.chmod(0o755)


# --- "A crash exits 1": --report into a folder that cannot be written ----------------------------

def test_a_report_in_a_folder_that_cannot_be_written_is_a_usage_error(unwritable, audits):
    target = unwritable / "auditor-gap-report.html"
    result = runner.invoke(app, ["check", str(REPORT), "--report", str(target)])
    _one_chinese_line(result, "--report", str(target))
    assert not target.exists()
    if os.access(unwritable, os.W_OK) is False:  # a normal user: refused before any file is read
        assert audits == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="只在以 root 运行时可复现")
def test_as_root_an_unwritable_report_folder_is_found_before_the_audit(audits):
    if not Path("/sys").is_dir() or _can_create_in(Path("/sys")):
        pytest.skip("/sys 不可用")
    result = runner.invoke(app, ["check", str(REPORT), "--report", "/sys/auditor-gap-report.html"])
    assert result.exit_code == 2
    assert audits == []


def test_a_baseline_that_cannot_be_written_is_a_usage_error():
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full 不存在")
    result = runner.invoke(app, ["baseline", str(REPORT), "-o", "/dev/full"])
    _one_chinese_line(result, "--output")


def test_a_baseline_output_that_is_a_folder_names_the_output_option(tmp_path, audits):
    line = _one_chinese_line(runner.invoke(app, ["baseline", str(REPORT), "-o", str(tmp_path)]), str(tmp_path))
    assert audits == []
    assert "--output" in line and "--report" not in line, line


@pytest.mark.parametrize("where", ["folder", "unwritable"])
def test_an_ignore_file_that_cannot_be_written_is_a_usage_error(where, tmp_path, request):
    target = tmp_path if where == "folder" else request.getfixturevalue("unwritable") / "auditor-gap-ignore.yaml"
    result = runner.invoke(app, ["ignore", FINGERPRINT, "--reason", "已核实", "--ignore-file", str(target)])
    line = _one_chinese_line(result, "--ignore-file")
    assert "--report" not in line


# --- "With `absolute: 20`, a 10.00 difference is called 四舍五入尾数误差" (through the config) -----

def test_a_tolerance_in_the_config_accepts_the_gap_and_never_calls_it_rounding(tmp_path):
    report = tmp_path / "决算.txt"
    report.write_text(TEN_OFF, encoding="utf-8")

    def sums(tolerance: str) -> list[tuple[str, str]]:
        config = tmp_path / ".auditor.yaml"
        config.write_text(tolerance, encoding="utf-8")
        result = runner.invoke(app, ["check", str(report), "--config", str(config), "-f", "json", "-o", "-", "-q"])
        assert result.exit_code in (0, 1), result.output
        return [(f["class"], f["severity"]) for f in json.loads(result.stdout)["files"][0]["findings"]
                if f["rule"] == "SUM001"]

    assert sums("tolerance: {SUM001: {absolute: 20}}\n") == []
    assert sums("tolerance: {SUM001: {absolute: 5}}\n") == [("total_mismatch", "error")]
    assert sums("tolerance: {SUM001: {relative: 0.2}}\n") == []
    text = runner.invoke(app, ["check", str(report), "--config", str(tmp_path / ".auditor.yaml"), "-f", "text"])
    assert "尾数" not in text.stdout


# --- "A custom rule whose labels are not in the vocabulary never fires, and `rules test` only says 无发现"

def test_rules_test_names_a_label_the_vocabulary_does_not_know(tmp_path):
    rule = tmp_path / "rule.yaml"
    rule.write_text(textwrap.dedent("""\
        id: PRJ901
        name: training-cost-restated
        kind: restatement
        severity: warning
        class: cross_ref_mismatch
        title: 培训费前后不一致
        message: "{concept} 前后不一致"
        doc: 培训费在各处应一致。
        examples:
          fire: ["培训费20.00万元。", "培训费21.00万元。"]
          quiet: ["培训费20.00万元。", "没有培训费。"]
        params: {per_item_concepts: [某种从未定义的费用]}
        """), encoding="utf-8")
    result = runner.invoke(app, ["rules", "test", str(rule)])
    assert result.exit_code == 2, result.output
    assert "无发现" not in result.output
    line = _one_chinese_line(result, f"{rule}:12", "PRJ901", "per_item_concepts", "某种从未定义的费用", "不在词表")
    assert line


# --- pre-commit: "`--exclude 'templates/*'` does not exclude `a/templates/x.pdf`" ------------------

def test_a_folder_pattern_excludes_a_pdf_at_any_depth_named_or_found(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "templates").mkdir(parents=True)
    (tmp_path / "a" / "templates" / "x.pdf").write_bytes(b"%PDF-1.7\nnot really a PDF")  # unreadable: exit 3
    shutil.copy(CLEAN, tmp_path / "clean.txt")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["check", ".", "-f", "text"]).exit_code == 3  # the PDF is read when not excluded
    found = runner.invoke(app, ["check", ".", "--exclude", "templates/*", "-f", "json", "-o", "-", "-q"])
    assert found.exit_code == 0, found.output
    assert [Path(f["path"]).name for f in json.loads(found.stdout)["files"]] == ["clean.txt"]
    named = runner.invoke(app, ["check", "a/templates/x.pdf", "--exclude", "templates/*", "-f", "text"])
    assert named.exit_code == 0 and named.stdout == "", named.output


# --- Output -------------------------------------------------------------------------------------

def test_dash_without_a_format_writes_text_to_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", str(REPORT), "-o", "-"])
    assert result.exit_code == 1
    assert re.search(r"指纹 [0-9a-f]{16}", result.stdout) and not result.stdout.lstrip().startswith(("{", "<"))
    assert not (tmp_path / "-").exists() and not (tmp_path / "reports").exists()


def test_concise_and_github_list_only_new_findings(tmp_path):
    baseline = tmp_path / "b.json"
    assert runner.invoke(app, ["baseline", str(REPORT), "-o", str(baseline)]).exit_code == 0
    for fmt in ("concise", "github", "text"):
        result = runner.invoke(app, ["check", str(REPORT), "--baseline", str(baseline), "-f", fmt])
        assert result.exit_code == 0, (fmt, result.output)
        assert not re.search(r"[A-Z]{3}\d{3}", result.stdout), (fmt, result.stdout)
        assert re.search(r"错误 0，警告 0，提示 0，读取失败 0；已忽略或记入基线 [1-9]\d* 处", result.output), fmt


def test_an_ignored_finding_is_counted_not_listed(tmp_path):
    data = json.loads(runner.invoke(app, ["check", str(REPORT), "-f", "json", "-o", "-", "-q"]).stdout)
    sco = next(f for f in data["files"][0]["findings"] if f["rule"] == "SCO001")
    ignore = tmp_path / "ignore.yaml"
    ignore.write_text(f"ignore:\n  - fingerprint: {sco['fingerprint']}\n    reason: 已核实\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--ignore-file", str(ignore), "-f", "concise"])
    assert result.exit_code == 1
    assert sco["fingerprint"] not in result.stdout and "SCO001" not in result.stdout
    assert "已忽略或记入基线 1 处" in result.output


def test_the_readme_of_the_real_corpus_is_not_audited():
    corpus = ROOT.parent / "shared" / "corpus"
    if not (corpus / "README.md").is_file():
        pytest.skip("../shared/corpus 不在本仓库旁边")
    chosen = batch.select([corpus], root=corpus)
    assert str(corpus / "README.md") in [str(p) for p in chosen.not_reports]
    assert not [f for f in chosen.files if Path(f).name.upper().startswith(("README", "LICENSE", "CHANGELOG"))]


# --- Help ----------------------------------------------------------------------------------------

def _commands():
    def walk(command, path):
        yield path, command
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path,command", _commands(), ids=[" ".join(p) or "auditor" for p, _ in _commands()])
def test_help_wraps_without_cutting_anything(path, command):
    """'lines cut at 80 columns': each option's and the command's whole help text is in the output."""
    for columns in ("40", "80", "200"):
        text = runner.invoke(app, [*path, "-h"], prog_name="auditor", env={"COLUMNS": columns}).stdout
        assert "…" not in text and "..." not in text.replace("路径...", "").replace("[参数]...", "")
        for param in command.params:
            if getattr(param, "help", None):
                assert _flat(param.help) in _flat(text), (path, param.name, columns)
        if command.help:
            assert _flat(command.help.split("\f")[0]) in _flat(text), (path, columns)


def test_help_says_required_once():
    for path, _ in _commands():
        text = runner.invoke(app, [*path, "-h"], prog_name="auditor").stdout
        assert "（必填）（必填）" not in text, path


def test_no_color_is_respected_on_a_real_terminal():
    """NO_COLOR end to end: a pseudo-terminal, not a patched isatty."""
    pty = pytest.importorskip("pty")

    def run(extra: dict) -> bytes:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "AUDITOR_DEBUG")}
        env.update(extra)
        main, child = pty.openpty()
        proc = subprocess.Popen([str(AUDITOR), "check", str(REPORT), "-f", "text"], stdout=child, stderr=child,
                                env=env)
        os.close(child)
        out = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.close(main)
        assert proc.wait(timeout=300) == 1
        return out

    assert b"\x1b[" in run({})
    assert b"\x1b[" not in run({"NO_COLOR": "1"})
    assert b"\x1b[" in run({"NO_COLOR": ""})  # no-color.org: only a non-empty value counts


# --- Acceptance 2: the options no other test gave a bad value -----------------------------------

BAD_VALUES = [
    (["baseline", str(REPORT), "--no-default-rules"], ["--no-default-rules"]),
    (["baseline", str(REPORT), "--include"], ["--include"]),
    (["baseline", str(REPORT), "--exclude"], ["--exclude"]),
    (["baseline", str(REPORT), "--timeout", "-1"], ["--timeout", "-1"]),
    (["baseline", str(REPORT), "--config", "/no/such/config.yaml"], ["--config", "/no/such/config.yaml"]),
    (["baseline", "/no/such/path"], ["/no/such/path"]),
    (["ignore", FINGERPRINT, "--reason", "x", "--by"], ["--by"]),
    (["ignore", FINGERPRINT, "--reason", "x", "--file"], ["--file"]),
    (["ignore", FINGERPRINT, "--reason", "x", "--ignore-file"], ["--ignore-file"]),
    (["ignore", FINGERPRINT, "--reason", "x", "--config", "/no/such/config.yaml"], ["--config"]),
    (["ignore", "XYZ", "--reason", "x"], ["XYZ", "16"]),
    (["inspect", str(REPORT), "--facts=1"], ["--facts"]),
    (["rules", "explain", "SCO001", "--rules", "/no/such/rules"], ["/no/such/rules"]),
    (["rules", "test", "/no/such/rules"], ["/no/such/rules"]),
    (["--version=1"], ["--version"]),
    (["check", str(REPORT), "--format"], ["--format"]),
    (["check", str(REPORT), "-f", "JSON"], ["--format", "json"]),
    (["check", str(REPORT), "-j", "1.5"], ["--workers", "1.5"]),
    (["check", str(REPORT), "--timeout", "nan"], ["--timeout", "nan"]),
    (["check"], ["路径"]),
]


@pytest.mark.parametrize("args,names", BAD_VALUES, ids=[" ".join(a[2:] or a) for a, _ in BAD_VALUES])
def test_more_bad_option_values_are_one_chinese_line_and_exit_2(args, names, audits):
    _one_chinese_line(runner.invoke(app, args), *names)
    assert audits == []


@pytest.mark.parametrize("option", ["--config", "--baseline", "--ignore-file"])
def test_a_folder_where_a_file_is_expected_is_a_usage_error(option, tmp_path, audits):
    _one_chinese_line(runner.invoke(app, ["check", str(REPORT), option, str(tmp_path)]), str(tmp_path), "文件夹")
    assert audits == []


def test_debug_anywhere_on_the_line_and_auditor_debug_show_the_traceback(monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("注入的故障")

    monkeypatch.setattr(batch, "run", broken)
    monkeypatch.setattr("auditor.cli.CRASH_LOG", tmp_path / "auditor-error.log")
    monkeypatch.delenv("AUDITOR_DEBUG", raising=False)
    args = ["check", str(REPORT), "-f", "text"]
    for argv, env in (([*args], {}), (["--debug", *args], {}), ([args[0], "--debug", *args[1:]], {}),
                      ([*args], {"AUDITOR_DEBUG": "1"})):
        result = runner.invoke(app, argv, env=env)
        assert result.exit_code == 4, (argv, env, result.output)
        assert ("Traceback" in result.stderr) == bool(env or "--debug" in argv), (argv, env)


# --- Acceptance 5: documented commands no other test runs --------------------------------------

@pytest.mark.parametrize("kind,name", [("rules", "rule-file.schema.json"), ("config", "config.schema.json"),
                                       ("ignore", "ignore-file.schema.json"),
                                       ("baseline", "baseline.schema.json")])
def test_auditor_schema_prints_each_schema(kind, name):
    from auditor.validation import schemas

    result = runner.invoke(app, ["schema", kind])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed == schemas()[name]


def test_the_documented_vocabulary_snippet_validates_and_runs(tmp_path):
    snippet = next(textwrap.dedent(b) for b in re.findall(r"```yaml\n(.*?)```", README, re.S)
                   if textwrap.dedent(b).startswith("vocabulary:"))
    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(snippet))
    config = tmp_path / ".auditor.yaml"
    config.write_text(snippet, encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--config", str(config), "-f", "text", "-q"])
    assert result.exit_code in (0, 1), result.output


def test_inspect_facts_as_documented():
    text = runner.invoke(app, ["inspect", str(REPORT), "--facts"])
    assert text.exit_code == 0, text.output
    lines = text.stdout.strip().splitlines()
    assert lines[0].startswith("事实 ") and "正文中重述表格数字的金额" in lines[-1]
    as_json = runner.invoke(app, ["inspect", str(REPORT), "--facts", "--json"])
    data = json.loads(as_json.stdout)
    assert {"facts", "narrative_amounts", "linked_amounts"} <= set(data) and data["facts"]


def test_the_setup_command_and_the_hook_file_types(tmp_path):
    """README set-up: `auditor check examples --report reports/examples.html` exits 1; the hook
    passes every report type the README lists and no README/CHANGELOG/LICENSE."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    done = subprocess.run([str(AUDITOR), "check", "examples", "--report", "reports/examples.html"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "reports" / "examples.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype")
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    documented = re.search(r"\(report files: ([.\w\s]+);", README).group(1).split()
    assert documented == [".txt", ".md", ".docx", ".pdf", ".xlsx", ".html"]
    for suffix in documented:
        assert re.search(hook["files"], f"reports/2025/报告{suffix}"), suffix
    for name in ("README.md", "docs/CHANGELOG.md", "LICENSE.txt"):
        assert re.search(hook["exclude"], name), name
