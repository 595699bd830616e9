"""Which files are audited: gitignore-style patterns against the path relative to the project
root, for files named and folders alike; the config found in parent folders; nothing left is fine."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.batch import select
from auditor.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for name in ("a/templates/x.txt", "templates/y.txt", "a/b/report.txt", "top.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPORT, tmp_path / name)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _audited(*args) -> list[str]:
    out = Path("out.json").resolve()
    result = runner.invoke(app, ["check", *args, "--format", "json", "--report", str(out)])
    assert result.exit_code in (0, 1), result.output
    paths = sorted(Path(f["path"]).as_posix() for f in json.loads(out.read_text(encoding="utf-8"))["files"])
    out.unlink()
    return paths


def test_a_pattern_with_a_folder_excludes_it_at_any_depth(tree):
    assert _audited(".", "--exclude", "templates/*") == ["a/b/report.txt", "top.txt"]
    assert _audited(".", "--exclude", "templates/") == ["a/b/report.txt", "top.txt"]


def test_a_leading_slash_anchors_a_pattern_to_the_project_root(tree):
    assert _audited(".", "--exclude", "/templates/") == ["a/b/report.txt", "a/templates/x.txt", "top.txt"]


def test_exclude_applies_to_files_named_on_the_command_line(tree):
    assert _audited("a/templates/x.txt", "top.txt", "--exclude", "templates/*") == ["top.txt"]
    assert _audited("top.txt", "a/b/report.txt", "--include", "a/") == ["a/b/report.txt"]


def test_ignore_paths_match_relative_to_the_config_folder(tree, monkeypatch):
    (tree / ".auditor.yaml").write_text("ignore_paths: [b/, /top.txt]\n", encoding="utf-8")
    assert _audited(".") == ["a/templates/x.txt", "templates/y.txt"]
    monkeypatch.chdir(tree / "a")  # the config is found in the parent folder, as ruff finds its own
    assert _audited(".", "b/report.txt") == ["templates/x.txt"]


def test_the_config_search_stops_at_the_git_root(tmp_path, monkeypatch):
    (tmp_path / ".auditor.yaml").write_text("colour: red\n", encoding="utf-8")  # outside the repository
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    shutil.copy(REPORT, repo / "a.txt")
    monkeypatch.chdir(repo)
    assert _audited("a.txt") == ["a.txt"]


def test_nothing_left_to_audit_exits_0_quietly(tree):
    result = runner.invoke(app, ["check", "top.txt", "--exclude", "top.txt", "--format", "text"])
    assert result.exit_code == 0 and result.output == ""
    (tree / "notes.odt").write_bytes(b"PK")
    result = runner.invoke(app, ["check", "notes.odt", "--format", "text"])
    assert result.exit_code == 0 and "不支持" in result.stderr


def test_the_same_file_named_twice_is_audited_once(tree):
    assert _audited("top.txt", "top.txt", "./top.txt", ".", "--include", "/top.txt") == ["top.txt"]


def test_selection_lists_what_it_skipped(tree):
    chosen = select([Path("."), Path("x.odt")], exclude=["templates/"], root=tree)
    assert sorted(Path(f).as_posix() for f in chosen.excluded) == ["a/templates/x.txt", "templates/y.txt"]
    assert chosen.unsupported == ["x.odt"]
