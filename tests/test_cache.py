"""The result cache (.auditor_cache): a file whose bytes, rules, settings and tool are unchanged is
not audited again, and what the cache gives back is exactly what an audit gives: the same bytes
in every output format, the same exit code, the same notices. A damaged cache is a miss, never an
error; the cache stays bounded."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor import batch, cache
from auditor.cli import Format, app

sys.path.insert(0, str(Path(__file__).parent))
from test_pre_commit import repo  # noqa: E402,F401 - the pre-commit test's repository, hook installed

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
runner = CliRunner()
UNREADABLE = str(Path("docs") / "empty.txt")  # never cached: an error is not a result


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))  # rule packs, validation marker
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.delenv("AUDITOR_CACHE_DIR", raising=False)
    # the tool is what it is when the test starts (a checkout being edited meanwhile is a new tool)
    monkeypatch.setattr(cache, "tool_digest", lambda digest=cache.tool_digest(): digest)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder (its own git root) holding reports of every format, one unreadable file
    and one with an odd name; the current folder while the test runs."""
    root = tmp_path / "project"
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / ".git").mkdir()
    for path in (ROOT / "examples").iterdir():
        shutil.copy(path, docs / path.name)
    shutil.copy(ROOT / "tests" / "fixtures" / "clean_report.txt", docs / "clean_report.txt")
    synthetic = CORPUS / "synthetic" / "files"
    if synthetic.is_dir():
        for suffix in (".docx", ".pdf", ".xlsx", ".md", ".txt"):
            first = sorted(p for p in synthetic.glob(f"*{suffix}") if not p.name.startswith("d00"))[:1]
            for path in first:
                shutil.copy(path, docs / f"syn-{path.name}")
    else:  # (no corpus beside the project: the fixture forms stand for its .docx, .xlsx and .pdf)
        from fixtures import forms

        for suffix, write in ((".docx", forms.write_docx), (".xlsx", forms.write_xlsx), (".pdf", forms.write_pdf)):
            write(docs / f"form{suffix}")
    (docs / "empty.txt").write_bytes(b"")  # unreadable: 文件为空
    (docs / "名 称 #1.txt").write_bytes((ROOT / "examples" / "部门整体支出绩效自评报告示例.txt").read_bytes())
    (docs / "page.html").write_text("<html><body><h1>部门决算</h1><table><tr><td>项目</td><td>金额</td></tr>"
                                    "<tr><td>合计</td><td>10.00</td></tr><tr><td>甲</td><td>4.00</td></tr>"
                                    "<tr><td>乙</td><td>5.00</td></tr></table></body></html>", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def audits(monkeypatch):
    """The files each batch run was given (empty when everything came from the cache)."""
    calls = []
    real = batch.run

    def spy(files, *args, **kwargs):
        calls.append(list(files))
        return real(files, *args, **kwargs)

    monkeypatch.setattr(batch, "run", spy)
    return calls


def _check(*args):
    result = runner.invoke(app, ["check", "docs", "--workers", "1", *args])
    return result.exit_code, result.stdout, result.stderr


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / ".auditor_cache" / "v1").glob("*/*.json") if p.name != "rules.json")


def test_a_cached_run_writes_the_same_bytes_and_exit_code_in_every_format(project, audits):
    cold = _check("--format", "json", "-o", "cold.json")
    assert len(audits) == 1 and _entries(project) and cold[0] == 3  # empty.txt cannot be read: exit 3
    for fmt in [f.value for f in Format]:
        out, fresh_out = project / f"report.{fmt}", project / f"fresh.{fmt}"
        fresh = _check("--format", fmt, "-o", str(fresh_out), "--no-cache")
        warm = _check("--format", fmt, "-o", str(out))
        assert audits[-1] == [UNREADABLE], "the warm run audited more than the file it cannot read"
        assert out.read_bytes() == fresh_out.read_bytes(), fmt
        assert warm[0] == fresh[0] == 3 and warm[1] == fresh[1], fmt
        assert warm[2] == fresh[2].replace(str(fresh_out), str(out)), fmt  # the summary names the report
        if fmt in ("text", "concise", "github", "sarif"):  # on stdout, with the statistics on stderr
            assert _check("--format", fmt, "-o", "-", "--statistics") == \
                _check("--format", fmt, "-o", "-", "--statistics", "--no-cache"), fmt


def test_suppressions_and_baselines_apply_on_every_run_never_from_the_cache(project):
    out = project / "r.json"
    _check("--format", "json", "-o", str(out))
    runner.invoke(app, ["baseline", "docs", "-o", "base.json", "--workers", "1"])
    with_baseline = _check("--format", "json", "-o", str(out), "--baseline", "base.json")
    statuses = {f["status"] for d in json.loads(out.read_text(encoding="utf-8"))["files"] for f in d["findings"]}
    assert statuses == {"baselined"} and with_baseline[0] == 3
    without = _check("--format", "json", "-o", str(out))
    statuses = {f["status"] for d in json.loads(out.read_text(encoding="utf-8"))["files"] for f in d["findings"]}
    assert statuses == {"new"} and without[0] == 3
    fresh = _check("--format", "json", "-o", str(project / "fresh.json"), "--no-cache")
    assert out.read_bytes() == (project / "fresh.json").read_bytes() and fresh[0] == without[0]


def test_only_changed_files_are_audited_again(project, audits):
    _check("--format", "json", "-o", "r.json")
    assert audits and len(audits[0]) > 5
    changed = project / "docs" / "clean_report.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n本年支出合计 10.00 万元，其中基本支出 4.00 万元、项目支出 5.00 万元。\n",
                       encoding="utf-8")
    (project / "docs" / "empty.txt").write_text("", encoding="utf-8")  # unreadable again: never cached
    _check("--format", "json", "-o", "r.json")
    assert sorted(audits[1]) == sorted([str(Path("docs") / "clean_report.txt"), str(Path("docs") / "empty.txt")])
    cached = json.loads((project / "r.json").read_text(encoding="utf-8"))
    _check("--format", "json", "-o", "fresh.json", "--no-cache")
    assert cached == json.loads((project / "fresh.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("change", ["config", "no-rounding", "rules", "no-default-rules"])
def test_anything_that_changes_results_is_a_new_set_of_settings(project, audits, change):
    extra = []
    _check("--format", "json", "-o", "r.json")
    if change == "config":
        (project / ".auditor.yaml").write_text("severity: {SUM001: info}\n", encoding="utf-8")
    elif change == "no-rounding":
        extra = ["--no-rounding"]
    else:
        rule = ROOT / "rules"
        first = sorted(p for p in rule.rglob("*.yaml") if p.name not in ("vocabulary.yaml", "concepts.yaml"))[0]
        (project / "mine.yaml").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
        extra = ["--rules", "mine.yaml"] + (["--no-default-rules"] if change == "no-default-rules" else [])
    changed = _check("--format", "json", "-o", "r.json", *extra)
    assert len(audits) == 2 and audits[1], "the new settings audited nothing"
    _check("--format", "json", "-o", "fresh.json", "--no-cache", *extra)
    assert (project / "r.json").read_bytes() == (project / "fresh.json").read_bytes()
    if change == "rules":  # a changed rule file is new settings too
        (project / "mine.yaml").write_text((project / "mine.yaml").read_text(encoding="utf-8") + "\n",
                                           encoding="utf-8")
        _check("--format", "json", "-o", "r.json", *extra)
        assert len(audits) == 4 and audits[-1]
    assert changed[0] in (1, 3)


def test_a_damaged_cache_is_a_miss_never_an_error(project, audits):
    _check("--format", "json", "-o", "fresh.json", "--no-cache")
    expected = (project / "fresh.json").read_bytes()
    _check("--format", "json", "-o", "r.json")
    entries = _entries(project)
    assert len(entries) >= 6
    damage = [b"", b"{", b"null", b"[]", b'{"path": 1}', b"\xff\xfe garbage"]
    for entry, data in zip(entries, damage):
        entry.write_bytes(data)
    record = json.loads(entries[-1].read_text())
    record["result"]["findings"] = [{"rule": "X"}]  # the right file and hash, a result that cannot be built
    entries[-1].write_text(json.dumps(record))
    pack = next((project.parent / "user-cache" / "auditor" / "packs").glob("*.json"))
    pack.write_bytes(b'{"format": "v1", "rules": [{"id": 3}]')
    code, _, err = _check("--format", "json", "-o", "r.json")
    assert "Traceback" not in err and "内部错误" not in err and code == 3
    assert (project / "r.json").read_bytes() == expected
    assert len(audits[-1]) == len(damage) + 2  # the damaged ones audited again, and the unreadable one
    _check("--format", "json", "-o", "r.json")  # and repaired: only the unreadable file is read now
    assert audits[-1] == [UNREADABLE] and (project / "r.json").read_bytes() == expected
    recorded = json.loads(pack.read_text())["rules"]
    assert len(recorded) > 10
    # a pack whose rules this version cannot build (and whose titles lie): built and checked again
    pack.write_text(json.dumps({"format": "v1", "rules": [{**r, "title": "假", "bogus": 1} for r in recorded]}))
    (project / "docs" / "clean_report.txt").write_text("本年支出合计 10.00 万元。\n", encoding="utf-8")
    _check("--format", "json", "-o", "r.json")
    _check("--format", "json", "-o", "fresh.json", "--no-cache")
    assert (project / "r.json").read_bytes() == (project / "fresh.json").read_bytes()
    assert "假" not in pack.read_text(encoding="utf-8")


def test_the_cache_folder_says_what_it_is_and_git_ignores_it(project):
    _check("--format", "text")
    folder = project / ".auditor_cache"
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    if shutil.which("git"):
        shutil.rmtree(project / ".git")
        subprocess.run(["git", "init", "-q"], cwd=project, check=True)
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=project,
                                capture_output=True, text=True, check=True).stdout
        assert ".auditor_cache" not in status and "docs/" in status


def test_no_cache_and_the_cache_dir_are_options_and_environment_variables(project, tmp_path, monkeypatch):
    _check("--format", "text", "--no-cache")
    assert not (project / ".auditor_cache").exists()
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")
    _check("--format", "text")
    assert not (project / ".auditor_cache").exists()
    monkeypatch.delenv("AUDITOR_NO_CACHE")
    _check("--format", "text", "--cache-dir", str(tmp_path / "elsewhere"))
    assert list((tmp_path / "elsewhere" / "v1").glob("*/*.json")) and not (project / ".auditor_cache").exists()
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "by-env"))
    _check("--format", "text")
    assert list((tmp_path / "by-env" / "v1").glob("*/*.json")) and not (project / ".auditor_cache").exists()
    existing = tmp_path / "existing"
    existing.mkdir()
    _check("--format", "text", "--cache-dir", str(existing))
    assert not (existing / ".gitignore").exists()  # a folder it did not make is not marked
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    code, out, err = _check("--format", "text", "--cache-dir", str(blocked / "sub"))
    assert code == 3 and "Traceback" not in err  # no cache, same audit


def test_the_cache_stays_bounded(project, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    monkeypatch.setattr(cache, "MAX_SETTINGS", 2)
    _check("--format", "text")
    assert 0 < len(_entries(project)) <= 4
    for extra in (["--no-rounding"], [], ["--no-rounding"]):
        _check("--format", "text", *extra)
    (project / ".auditor.yaml").write_text("severity: {SUM001: info}\n", encoding="utf-8")
    _check("--format", "text")
    settings = [p for p in (project / ".auditor_cache" / "v1").iterdir() if p.is_dir()]
    assert len(settings) <= 2


def test_a_file_that_changes_while_it_is_audited_is_not_kept(tmp_path):
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    path = tmp_path / "r.txt"
    path.write_bytes((ROOT / "examples" / "部门整体支出绩效自评报告示例.txt").read_bytes())
    store = cache.Cache(tmp_path / "c", "0" * 32)
    assert store.get(str(path)) is None
    result = audit_file(str(path), load_rules())
    path.write_bytes(path.read_bytes() + "\n".encode())
    assert not store.put(str(path), result)
    assert store.get(str(path)) is None
    fresh = audit_file(str(path), load_rules())
    assert store.put(str(path), fresh)
    assert store.get(str(path)) == fresh


def test_results_round_trip_through_the_cache_exactly(tmp_path):
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    rules = load_rules()
    paths = sorted((ROOT / "examples").iterdir())
    seeds = CORPUS / "seeds"
    paths += sorted(seeds.glob("*.txt"))[:2] if seeds.is_dir() else []
    for path in paths:
        result = audit_file(str(path), rules)
        back = cache.decode(json.loads(json.dumps(cache.encode(result))))
        assert back == result and back.findings and json.dumps(back.to_dict()) == json.dumps(result.to_dict())


def test_two_runs_at_once_share_the_cache(project):
    env = {**os.environ, "PYTHONHASHSEED": "3"}
    out = [project / "a.json", project / "b.json"]
    procs = [subprocess.Popen([sys.executable, "-m", "auditor", "check", "docs", "--format", "json", "-o", str(o),
                               "-j", str(i + 1)], cwd=project, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for i, o in enumerate(out)]
    assert [p.wait(timeout=300) for p in procs] == [3, 3]
    assert out[0].read_bytes() == out[1].read_bytes()
    assert not [p for p in (project / ".auditor_cache").rglob(".tmp-*")]


def test_the_pre_commit_hook_keeps_its_cache_out_of_the_repository(repo):
    from test_pre_commit import CLEAN as clean, _commit, _git, _with_error

    repo, env = repo
    shutil.copy(clean, repo / "a.txt")
    assert _commit(repo, env, "a consistent report").returncode == 0
    (repo / "b.txt").write_text(_with_error(clean.read_text(encoding="utf-8")), encoding="utf-8")
    refused = _commit(repo, env, "an error in a second report")
    assert refused.returncode != 0 and "SCO001" in refused.stdout + refused.stderr
    (repo / "b.txt").write_text(clean.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _commit(repo, env, "fixed").returncode == 0
    assert list((repo / ".auditor_cache" / "v1").glob("*/*.json"))
    assert _git(repo, "status", "--porcelain", "--untracked-files=all", env=env).stdout == ""
    pre_commit = Path(sys.executable).with_name("pre-commit")
    for _ in range(2):  # the second run over unchanged files: every result from the cache
        again = subprocess.run([str(pre_commit), "run", "--all-files"], cwd=repo, env=env, capture_output=True,
                               text=True, timeout=300)
        assert again.returncode == 0, again.stdout + again.stderr
