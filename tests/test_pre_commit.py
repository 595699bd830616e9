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
