"""Issue 9, isolation that really limits: each file in a worker process with a memory limit
(RLIMIT_AS) and a wall-clock limit the parent enforces by killing the worker; a dead worker is
replaced and only its file is reported, the rest of the batch is audited."""
from __future__ import annotations

import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest

from auditor import batch
from auditor.engine import Options
from auditor.ruleset import load_pack

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="worker processes are forked")


@pytest.fixture(scope="module")
def rules():
    return load_pack()


def make_batch(tmp_path: Path, odd: str, count: int = 8) -> list[str]:
    files = []
    for i in range(count):
        name = odd if i == count // 2 else f"report{i:02d}.txt"
        path = tmp_path / name
        path.write_bytes(REPORT.read_bytes())
        files.append(str(path))
    return files


def hostile(monkeypatch, name: str, action):
    """Workers are forked, so a patched batch.audit_file is what they run."""
    real = batch.audit_file

    def audit(path, rules, options=None):
        if Path(path).name == name:
            action()
        return real(path, rules, options)

    monkeypatch.setattr(batch, "audit_file", audit)


def assert_only(results, files, name: str, words: str):
    reference = {len(r.findings) for r in results if Path(r.path).name != name}
    assert [r.path for r in results] == files
    for r in results:
        if Path(r.path).name == name:
            assert r.error and re.search(words, r.error), r.error
        else:
            assert r.error is None, (r.path, r.error)
    assert len(reference) == 1 and reference.pop() > 0  # the others audited fully, alike


def test_a_worker_killed_mid_batch_fails_only_its_file(tmp_path, monkeypatch, rules):
    pid_file = tmp_path / "victim.pid"

    def wait_to_be_killed():
        pid_file.write_text(str(os.getpid()))
        time.sleep(120)

    hostile(monkeypatch, "victim.txt", wait_to_be_killed)
    files = make_batch(tmp_path, "victim.txt", 10)
    killed = []

    def killer():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if pid_file.exists() and pid_file.read_text():
                pid = int(pid_file.read_text())
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.02)

    thread = threading.Thread(target=killer)
    thread.start()
    started = time.monotonic()
    results = batch.run(files, rules, Options(), workers=2, seconds=100)
    thread.join()
    assert killed and killed[0] != os.getpid()
    assert time.monotonic() - started < 60
    assert_only(results, files, "victim.txt", "被系统终止.*SIGKILL")


def test_memory_bomb_stopped_by_rlimit(tmp_path, monkeypatch, rules):
    def bomb():
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))

    hostile(monkeypatch, "bomb.txt", bomb)
    files = make_batch(tmp_path, "bomb.txt", 5)
    started = time.monotonic()
    results = batch.run(files, rules, Options(), workers=2, seconds=60, memory_mb=1024)
    assert time.monotonic() - started < 30
    assert_only(results, files, "bomb.txt", "超出内存限制（1024 MB）")


def test_one_huge_allocation_stopped(tmp_path, monkeypatch, rules):
    hostile(monkeypatch, "huge.txt", lambda: bytearray(8 * 1024 ** 3))
    files = make_batch(tmp_path, "huge.txt", 3)
    results = batch.run(files, rules, Options(), workers=1, seconds=60, memory_mb=1024)
    assert_only(results, files, "huge.txt", "超出内存限制")


def test_c_code_that_ignores_signals_is_killed_on_time(tmp_path, monkeypatch, rules):
    """Catastrophic backtracking runs inside the regex engine: no signal handler can stop it."""
    hostile(monkeypatch, "slow.txt", lambda: re.match(r"(a+)+b", "a" * 64))
    files = make_batch(tmp_path, "slow.txt", 5)
    started = time.monotonic()
    results = batch.run(files, rules, Options(), workers=2, seconds=3)
    elapsed = time.monotonic() - started
    assert elapsed < 3 + 2 + 3, elapsed  # the limit, the allowed 2 s, and the other files' own time
    assert_only(results, files, "slow.txt", "处理超时（超过 3 秒）")


def test_a_worker_that_exits_is_replaced(tmp_path, monkeypatch, rules):
    hostile(monkeypatch, "exit.txt", lambda: os._exit(7))
    files = make_batch(tmp_path, "exit.txt", 6)
    results = batch.run(files, rules, Options(), workers=2, seconds=60)
    assert_only(results, files, "exit.txt", "退出码 7")


def test_a_bug_in_the_audit_is_still_an_internal_error(tmp_path, monkeypatch, rules):
    def bug():
        raise ZeroDivisionError("boom")

    hostile(monkeypatch, "bug.txt", bug)
    files = make_batch(tmp_path, "bug.txt", 3)
    with pytest.raises(Exception) as caught:
        batch.run(files, rules, Options(), workers=2, seconds=60)
    assert "ZeroDivisionError" in str(caught.value) and "bug.txt" in str(caught.value)


def test_results_do_not_depend_on_workers(tmp_path, rules):
    files = make_batch(tmp_path, "middle.txt", 4)
    one = batch.run(files, rules, Options(), workers=1, seconds=60)
    two = batch.run(files, rules, Options(), workers=3, seconds=60)
    inline = batch.run(files, rules, Options(), workers=1, seconds=0, memory_mb=0)
    dump = [[(f.fingerprint, f.message) for f in r.findings] for r in one]
    assert dump == [[(f.fingerprint, f.message) for f in r.findings] for r in two]
    assert dump == [[(f.fingerprint, f.message) for f in r.findings] for r in inline]


def test_cli_lists_the_killed_file_and_exits_3(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from auditor.cli import app

    hostile(monkeypatch, "victim.txt", lambda: os.kill(os.getpid(), signal.SIGKILL))
    make_batch(tmp_path, "victim.txt", 4)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", ".", "--format", "json", "-o", "out.json", "-j", "2"])
    assert result.exit_code == 3, result.output
    import json

    files = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["files"]
    failed = [Path(f["path"]).name for f in files if f["error"]]
    assert failed == ["victim.txt"] and len(files) == 4
