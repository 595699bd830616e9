"""Start-up: what a command imports is measured here as behaviour (which modules load), not time.

A text-only check loads no table, document or report library (pandas, pandera, jinja2, python-docx,
openpyxl, pdfplumber, pypdfium2) and not typer: `auditor.cli.main` parses a plain `check` line
itself and gives exactly the values typer would (tested below line by line); a run whose results
are all cached builds no rule and reads no file."""
from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor import cli
from auditor.cli import app

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "tests" / "fixtures" / "clean_report.txt"
CHECK = cli.check  # the implementation, before a test replaces it
HEAVY = ("pandas", "pandera", "numpy", "jinja2", "markupsafe", "docx", "openpyxl", "pdfplumber", "pdfminer",
         "pypdfium2", "lxml", "typer", "rich", "click")


def _imported(*args: str, cwd: Path, env: dict | None = None) -> tuple[set[str], subprocess.CompletedProcess]:
    """Every module the command imports (workers included: they are forked and inherit -X importtime)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "auditor", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env={**os.environ, **(env or {})})
    names = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    return names - {"package"}, proc


def _top(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(CLEAN, tmp_path / "clean_report.txt")
    return tmp_path


def test_version_imports_nothing_heavy(project):
    names, proc = _imported("--version", cwd=project)
    assert proc.returncode == 0 and proc.stdout.startswith("auditor ")
    assert not _top(names) & {*HEAVY, "yaml", "pydantic"}, sorted(_top(names) & {*HEAVY, "yaml", "pydantic"})


def _modules_after(*args: str, cwd: Path) -> tuple[set[str], subprocess.CompletedProcess]:
    """Every module loaded by the end of `auditor ARGS`, the audit run in the same process (one
    worker, no time or memory limit: a forked worker would load what it needs out of sight)."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('MODULES', *sorted(sys.modules), file=sys.stderr))\n"
            "sys.argv = ['auditor', *sys.argv[1:]]\n"
            "from auditor.cli import main\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "AUDITOR_MEMORY_MB": "0"})
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:]), proc


def test_a_text_check_imports_no_heavy_library(project):
    names, proc = _modules_after("check", "clean_report.txt", "--format", "text", "--no-cache", "--workers", "1",
                                 "--timeout", "0", cwd=project)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not _top(names) & set(HEAVY), sorted(_top(names) & set(HEAVY))
    assert "auditor.cli_app" not in names and "auditor.report.html_report" not in names
    readers = {n for n in names if n.startswith("auditor.ingest.") and n.endswith("reader")}
    assert not readers, readers  # only the text reader (ingest.text) for a .txt file
    assert "auditor.ingest.text" in names and "auditor.kinds.calculation" in names  # it did audit


def test_a_cached_run_builds_no_rule_and_reads_no_file(project, monkeypatch):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    first = subprocess.run([sys.executable, "-m", "auditor", "check", "clean_report.txt", "--format", "text"],
                           cwd=project, capture_output=True, text=True, timeout=300)
    names, proc = _imported("check", "clean_report.txt", "--format", "text", cwd=project)
    assert (proc.returncode, proc.stdout) == (first.returncode, first.stdout)
    built = sorted(n for n in names if n.startswith(("auditor.kinds.", "auditor.facts.base", "auditor.ingest.text",
                                                     "auditor.ruleset", "multiprocessing")))
    assert not built, built


def test_an_html_report_compiles_its_template_once_per_user(project, tmp_path):
    """The compiled template is kept in the user's cache folder and used by later runs."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "user-cache"), "AUDITOR_NO_CACHE": "1"}
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-m", "auditor", "check", "clean_report.txt", "-o", "r.html"],
                              cwd=project, capture_output=True, text=True, timeout=300, env={**os.environ, **env})
        assert proc.returncode == 0, proc.stderr
    kept = list((tmp_path / "user-cache" / "auditor" / "templates").iterdir())
    assert len(kept) == 1
    kept[0].write_bytes(b"damaged")  # a damaged entry is compiled again, never an error
    proc = subprocess.run([sys.executable, "-m", "auditor", "check", "clean_report.txt", "-o", "again.html"],
                          cwd=project, capture_output=True, text=True, timeout=300, env={**os.environ, **env})
    assert proc.returncode == 0 and (project / "again.html").read_bytes() == (project / "r.html").read_bytes()


# Lines `main` parses itself: the values must be typer's, option for option
PLAIN = [
    ["a.txt"],
    ["a.txt", "b.txt", "--format", "json", "-o", "r.json"],
    ["--format=text", "a.txt"],
    ["a.txt", "-o", "-"],
    ["a.txt", "-f", "sarif", "--report=-"],
    ["a.txt", "--rules", "r1", "--rules=r2", "--no-default-rules"],
    ["a.txt", "--fail-on", "warning", "--no-rounding", "--include", "*.md", "--exclude", "x/", "--exclude", "/y"],
    ["-j", "3", "a.txt", "--timeout", "1.5"],
    ["a.txt", "--workers", "0", "--timeout", "0"],
    ["a.txt", "--baseline", "b.json", "--ignore-file", "i.yaml", "--config", "c.yaml", "-q", "--statistics",
     "--color", "never"],
    ["a.txt", "--no-cache", "--cache-dir", "cache dir", "--color=always"],
    ["a.txt", "--", "b.txt"],
    ["目录/报告 1.txt", "--format", "github", "--quiet"],
]
# Lines it leaves to typer (help, bad values, unusual spellings): typer says what is wrong
NOT_PLAIN = [
    [], ["-h"], ["a.txt", "--help"], ["--format", "json"], ["a.txt", "--workers", "-3"], ["a.txt", "--format", "pdf"],
    ["a.txt", "--no-rounding=yes"], ["a.txt", "--include"], ["a.txt", "--colour"], ["a.txt", "-qj2"],
    ["a.txt", "--workers", "1", "--workers", "2"], ["a.txt", "--timeout", "1e3"], ["a.txt", "--timeout", "inf"],
    ["a.txt", "-o"], ["a.txt", "--report", ""], ["a.txt", "--debug=1"], ["a.txt", "--workers", "007"],
    ["a.txt", "--format", "JSON"], ["a.txt", "-ojson"], ["--", "-odd.txt"], ["a.txt", "--report", "--quiet"],
    ["a.txt", "--fail-on", "error", "--fail-on", "info"], ["a.txt", "-q", "--quiet"],
]


@pytest.mark.parametrize("args", PLAIN, ids=[" ".join(a) for a in PLAIN])
def test_the_plain_check_parser_gives_exactly_what_typer_gives(args, monkeypatch):
    seen = []

    def record(**kwargs):
        seen.append(kwargs)
        return 0

    monkeypatch.setattr(cli, "check", record)
    result = CliRunner().invoke(app, ["check", *args])
    assert result.exit_code == 0 and len(seen) == 1, result.output
    defaults = {name: p.default for name, p in inspect.signature(CHECK).parameters.items()
                if p.default is not inspect.Parameter.empty}
    parsed = cli.parse_check(args)
    assert parsed is not None
    assert {**defaults, **parsed} == seen[0]


@pytest.mark.parametrize("args", NOT_PLAIN, ids=[" ".join(a) or "(none)" for a in NOT_PLAIN])
def test_anything_else_is_left_to_typer(args):
    assert cli.parse_check(args) is None


def test_the_fast_path_and_typer_end_the_same_way(project):
    """Exit code, stdout and stderr of `auditor check` through main() and through typer alike."""
    lines = [["clean_report.txt", "--format", "text"], ["/no/such/file.txt"], ["clean_report.txt", "-o", "x.zip"],
             ["clean_report.txt", "--baseline", "missing.json"], [str(ROOT / "examples"), "--format", "concise",
                                                                 "--fail-on", "info", "--statistics"]]
    for line in lines:
        fast = subprocess.run([sys.executable, "-m", "auditor", "check", *line, "--no-cache"], cwd=project,
                              capture_output=True, text=True, timeout=300)
        assert cli.parse_check([*line, "--no-cache"]) is not None
        slow = subprocess.run([sys.executable, "-c", "import sys\nfrom auditor.cli_app import app\n"
                               "sys.argv[0] = 'auditor'\napp()", "check", *line, "--no-cache"],
                              cwd=project, capture_output=True, text=True, timeout=300)
        assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr), line
