"""The real pre-commit framework refuses a commit that introduces an inconsistency."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CLEAN = Path(__file__).parent / "fixtures" / "clean_report.txt"


def _git(repo: Path, *args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git 不可用")
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit 未安装（pip install '.[test]'）")
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    auditor = Path(sys.executable).with_name("auditor")
    entry = hook["entry"].replace("auditor", str(auditor) if auditor.exists() else f"{sys.executable} -m auditor", 1)
    # The hook as published, run as a local system hook so the test uses this checkout's install.
    local = {**{k: hook[k] for k in ("id", "name", "files", "exclude", "pass_filenames", "require_serial")},
             "entry": entry, "language": "system"}
    repo = tmp_path / "reports-repo"
    repo.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "审计", "GIT_AUTHOR_EMAIL": "a@example.invalid",
           "GIT_COMMITTER_NAME": "审计", "GIT_COMMITTER_EMAIL": "a@example.invalid",
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    _git(repo, "init", "-q", env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}, allow_unicode=True), encoding="utf-8")
    subprocess.run([str(pre_commit), "install"], cwd=repo, env=env, check=True, capture_output=True, timeout=300)
    return repo, env


def _commit(repo: Path, env, message: str) -> subprocess.CompletedProcess:
    _git(repo, "add", "-A", env=env)
    return _git(repo, "commit", "-m", message, env=env)


def test_commit_with_inconsistency_is_refused_and_fix_passes(repo):
    repo, env = repo
    report = repo / "青山区图书馆2024年度自评报告.txt"
    shutil.copy(CLEAN, report)
    first = _commit(repo, env, "add consistent report")
    assert first.returncode == 0, first.stdout + first.stderr

    text = CLEAN.read_text(encoding="utf-8")
    report.write_text(text.replace("90.00%\t9\n", "90.00%\t10\n"), encoding="utf-8")
    refused = _commit(repo, env, "score the execution rate as full marks")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "SCO001" in output and "应为 9.00" in output

    report.write_text(text.replace("无。", "无其他需要说明的情况。"), encoding="utf-8")
    fixed = _commit(repo, env, "keep the execution score at 9 and reword the last section")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr


def _warning_only(text: str) -> str:
    """The clean report with its total score two points short: one warning (SCO003), no error."""
    return text.replace("总分\t　\t　\t　\t　\t100\t99\n", "总分\t　\t　\t　\t　\t100\t97\n")


def _with_error(text: str) -> str:
    return text.replace("90.00%\t9\n", "90.00%\t10\n")


def test_the_config_decides_fail_on(repo):
    repo, env = repo
    (repo / "reports").mkdir()
    report = repo / "reports" / "a.txt"
    report.write_text(_warning_only(CLEAN.read_text(encoding="utf-8")), encoding="utf-8")
    assert _commit(repo, env, "a warning passes the default gate").returncode == 0
    (repo / ".auditor.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    report.write_text(_warning_only(CLEAN.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
    refused = _commit(repo, env, "with fail_on: warning the same warning is refused")
    assert refused.returncode != 0 and "SCO003" in refused.stdout + refused.stderr


def test_a_commit_of_only_excluded_files_passes(repo):
    repo, env = repo
    (repo / ".auditor.yaml").write_text("ignore_paths: [drafts/]\n", encoding="utf-8")
    (repo / "drafts" / "2025").mkdir(parents=True)
    (repo / "drafts" / "2025" / "草稿.txt").write_text(_with_error(CLEAN.read_text(encoding="utf-8")),
                                                      encoding="utf-8")
    done = _commit(repo, env, "a draft with an error, excluded by the config")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "没有找到" not in done.stdout + done.stderr


def test_a_moved_file_keeps_its_baselined_finding_suppressed_only_at_its_old_path(repo):
    repo, env = repo
    report = repo / "report-001.txt"
    report.write_text(_with_error(CLEAN.read_text(encoding="utf-8")), encoding="utf-8")
    made = subprocess.run([str(Path(sys.executable).with_name("auditor")), "baseline", "report-001.txt",
                           "-o", "auditor-baseline.json"], cwd=repo, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stdout + made.stderr
    (repo / ".auditor.yaml").write_text("baseline: auditor-baseline.json\n", encoding="utf-8")
    first = _commit(repo, env, "a known error, baselined")
    assert first.returncode == 0, first.stdout + first.stderr
    (repo / "2025").mkdir()
    _git(repo, "mv", "report-001.txt", "2025/report-001.txt", env=env)
    moved = _commit(repo, env, "the same file under another folder")
    assert moved.returncode != 0 and "SCO001" in moved.stdout + moved.stderr
