"""The hostile campaign, bounded for the suite (issue 9): ≥ 2,000 generated cases — byte-mutated
reports in every format, odd file names, broken config, rule, ignore and baseline files — with
0 tracebacks, 0 hangs, the right exit codes, inputs left as they were (hashes compared) and
byte-identical reports across two runs (different worker counts and PYTHONHASHSEED).

HOSTILE_SEED changes the corpus (default 9); HOSTILE_DOCUMENTS its size (default 1700)."""
from __future__ import annotations

import collections
import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import hostile_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("HOSTILE_SEED", "9"))
DOCUMENTS = int(os.environ.get("HOSTILE_DOCUMENTS", "1700"))
FILE_TIMEOUT = 20  # --timeout for each file; no generated file comes near it


def digest(root: Path) -> dict[str, str]:
    found = {}
    for folder, _, names in os.walk(os.fsencode(root)):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as fh:
                found[path] = hashlib.sha256(fh.read()).hexdigest()
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    built = hostile_corpus.generate(root / "in", seed=SEED, documents=DOCUMENTS)
    before = digest(root / "in")
    yield built, root
    assert digest(root / "in") == before, "an input file was modified"


def test_the_corpus_is_big_enough(corpus):
    built, _ = corpus
    assert built.cases >= 2000, built.cases


def _check(root: Path, out: Path, workers: int, hashseed: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("AUDITOR_DEBUG", "NO_COLOR")}
    env["PYTHONHASHSEED"] = hashseed
    return subprocess.run([sys.executable, "-m", "auditor", "check", "docs", "--format", "json", "-o", str(out),
                           "--timeout", str(FILE_TIMEOUT), "-j", str(workers)], cwd=root / "in",
                          capture_output=True, timeout=240, env=env)


def test_documents_no_traceback_no_hang_nothing_lost_same_bytes(corpus):
    built, root = corpus
    first = _check(root, root / "run1.json", 2, "1")
    second = _check(root, root / "run2.json", 1, "2")
    for proc in (first, second):
        err = proc.stderr.decode("utf-8")  # valid UTF-8 even for names that are not
        assert "Traceback" not in err and "内部错误：" not in err.split("\n")[0], err[-3000:]
    files = json.loads((root / "run1.json").read_text(encoding="utf-8"))["files"]
    expected = [p for p in built.documents if not p.name.startswith(".")]  # hidden files are skipped
    assert len(files) == len(expected)
    failed = [f for f in files if f["error"]]
    assert all(f["error"].strip() for f in failed)
    assert first.returncode == (3 if failed else 1), first.stderr.decode()[-2000:]
    assert not [f["path"] for f in failed if "超时" in f["error"]], "a generated file hung"
    assert (root / "run1.json").read_bytes() == (root / "run2.json").read_bytes(), "reports differ between runs"
    listed = first.stderr.decode("utf-8")
    assert all(f"无法读取 {f['path']}" in listed for f in failed)  # every bad file listed with its reason
    reasons = collections.Counter(f["error"].split("：")[0][:24] for f in failed)
    print(f"\n{len(files)} documents, {len(failed)} refused with a reason: {reasons.most_common(12)}")


class _Hang(BaseException):
    pass


def _alarm(signum, frame):
    raise _Hang


def test_settings_files(corpus, monkeypatch):
    """Each broken settings file: exit 2 with a Chinese line (mutations: anything but exit 4), within 30 s."""
    from typer.testing import CliRunner

    from auditor.cli import app

    built, root = corpus
    work = root / "work"
    work.mkdir()
    (work / ".git").mkdir()  # no config is looked up above this folder
    monkeypatch.chdir(work)
    report = work / "clean.txt"
    report.write_text(hostile_corpus.REPORT_TXT, encoding="utf-8")
    rule = work / "rule.yaml"
    rule.write_text(hostile_corpus.VALID_RULE, encoding="utf-8")
    runner = CliRunner()
    wrong, codes = [], collections.Counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for case, path in built.settings:
            if case.option == "--rules":
                args = ["rules", "test", str(path)]
            elif case.option == "--config":
                args = ["check", str(report), "--config", str(path), "--format", "json", "-o", "-"]
            else:
                args = ["check", str(report), "--no-default-rules", "--rules", str(rule), case.option, str(path),
                        "--format", "json", "-o", "-"]
            signal.alarm(30)
            try:
                result = runner.invoke(app, args)
            except _Hang:
                wrong.append((case.name, "hang"))
                continue
            finally:
                signal.alarm(0)
            codes[result.exit_code] += 1
            text = result.output + (result.stderr if result.stderr_bytes is not None else "")
            if "Traceback" in text or result.exit_code not in case.allowed:
                wrong.append((case.name, case.note, result.exit_code, text[-300:]))
            elif result.exit_code == 2 and not any("\u4e00" <= c <= "\u9fff" for c in result.stderr):
                wrong.append((case.name, "exit 2 without a Chinese message", result.stderr[-200:]))
    finally:
        signal.signal(signal.SIGALRM, previous)
    print(f"\n{len(built.settings)} settings files, exit codes {dict(sorted(codes.items()))}")
    assert not wrong, wrong[:10]
