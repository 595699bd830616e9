"""Batch audits: files in parallel worker processes, a per-file time limit, a progress bar.

The work for one file is `audit_one(path, rules, options, seconds)`, a picklable function of
plain data, so any executor that maps functions over paths can run it.
"""
from __future__ import annotations

import os
import re
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import regex_cache
from .engine import FileResult, Options, audit_file
from .ingest import SUPPORTED


class _TimeLimit(BaseException):
    """Not an Exception, so that the engine's guards against reader bugs let it through."""


def _expired(signum, frame):
    raise _TimeLimit


def audit_one(path: str, rules: list, options: Options | None = None, seconds: float = 0) -> FileResult:
    """Audit one file, giving up after `seconds` (0: no limit) with a clear error."""
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer"):
        return audit_file(path, rules, options)
    previous = signal.signal(signal.SIGALRM, _expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    except (signal.ItimerError, ValueError, OverflowError):
        signal.signal(signal.SIGALRM, previous)
        return audit_file(path, rules, options)
    try:
        return audit_file(path, rules, options)
    except _TimeLimit:
        return FileResult(path, error=f"处理超时（超过 {seconds:g} 秒），已跳过")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Selection:
    """The files to audit, and those skipped: excluded by a pattern, or of a type not read."""

    files: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    not_reports: list[str] = field(default_factory=list)  # README and the like, found in a folder


# Files found in a folder that are a project's papers, not reports (a file named is still audited)
NOT_REPORT_RE = re.compile(r"^(readme|changelog|changes|history|license|licence|copying|contributing|authors|"
                           r"notice|todo|code_of_conduct|security|requirements)([._-].*)?$", re.IGNORECASE)


def path_spec(patterns: list[str] | None):
    """Gitignore-style patterns; one with a slash inside matches at any depth unless it starts with /."""
    if not patterns:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([_at_any_depth(p) for p in patterns])


def _at_any_depth(pattern: str) -> str:
    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    if not body.startswith(("/", "**/")) and "/" in body.rstrip("/"):
        body = "**/" + body
    return ("!" if negated else "") + body


def select(paths: list[Path], include: list[str] | None = None, exclude: list[str] | None = None,
           root: Path | None = None) -> Selection:
    """Files named, and supported files found recursively in folders, each once, filtered by
    `include`/`exclude` matched against the path relative to `root` (files named too)."""
    from .findings import project_path

    root = root or Path.cwd()
    resolved_root = root.resolve()
    wanted, unwanted = path_spec(include), path_spec(exclude)
    chosen, seen = Selection(), set()
    for path in paths:
        for candidate in _candidates(path, chosen):
            resolved = candidate.resolve()  # once a file: a thousand files' resolving was 0.1 s
            if resolved in seen:
                continue
            seen.add(resolved)
            key = project_path(str(resolved), root, resolved_root).lstrip("/") if wanted or unwanted else ""
            if (unwanted and unwanted.match_file(key)) or (wanted and not wanted.match_file(key)):
                chosen.excluded.append(str(candidate))
            else:
                chosen.files.append(str(candidate))
    return chosen


def _candidates(path: Path, chosen: Selection) -> list[Path]:
    if path.is_dir():
        # not only regular files: a FIFO, a device or a dangling link named .txt is listed as
        # unreadable (engine.audit_file refuses it without opening it), never skipped unseen
        found = sorted(p for p in path.rglob("*") if not p.is_dir() and p.suffix.lower() in SUPPORTED
                       and not p.name.startswith(("~$", "."))
                       and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1]))
        chosen.not_reports.extend(str(p) for p in found if NOT_REPORT_RE.match(p.name))
        return [p for p in found if not NOT_REPORT_RE.match(p.name)]
    if path.suffix.lower() not in SUPPORTED:
        chosen.unsupported.append(str(path))
        return []
    return [path]


# Memory each worker may map (RLIMIT_AS), in MiB; AUDITOR_MEMORY_MB overrides, 0 switches it off
DEFAULT_MEMORY_MB = 3072
MEMORY_ERROR = "读取失败：超出内存限制（{mb} MB），已跳过"
KILLED_ERROR = "读取失败：处理进程被系统终止（{signal}，可能超出内存限制），已跳过"
TIMEOUT_ERROR = "处理超时（超过 {seconds:g} 秒），已跳过"


def memory_limit_mb() -> int:
    value = os.environ.get("AUDITOR_MEMORY_MB", "").strip()
    try:
        return max(0, int(value)) if value else DEFAULT_MEMORY_MB
    except ValueError:
        return DEFAULT_MEMORY_MB


def run(files: list[str], rules: list, options: Options, workers: int = 1, seconds: float = 0,
        progress: bool | None = None, memory_mb: int | None = None, keep=None) -> list[FileResult]:
    """Results in the order of `files`; a file that cannot be read never stops the batch.

    Each file is audited in a worker process whose address space is limited (RLIMIT_AS,
    `memory_mb`) and which the parent kills when it takes longer than `seconds` (0: no limit),
    so C code and memory bombs are stopped too. A worker that dies (killed, out of memory) is
    replaced and only its file is reported. An exception raised by the audit itself is a bug:
    it propagates (exit 4). `keep(path, result)`, when given, runs where the file was audited,
    right after it (the cache writes its entries in the workers, in parallel); it must not raise.

    Workers are forked from this process after the rules are built, so none builds them again."""
    show = sys.stderr.isatty() if progress is None else progress
    memory_mb = memory_limit_mb() if memory_mb is None else memory_mb
    if not seconds or seconds != seconds or seconds < 0 or seconds == float("inf"):
        seconds = 0  # no limit (an infinite one included)
    workers = max(1, min(workers, len(files)))
    with _Progress(len(files), show) as bar:
        if not files:
            return []
        if workers == 1 and not seconds and not memory_mb:
            results = []
            for path in files:
                results.append(_audit(path, rules, options, keep))
                regex_cache.save()  # (after the first file: see the worker's)
                bar.advance()
            return results
        _prepare(files, rules)
        return _Pool(rules, options, workers, seconds, memory_mb, keep).run(files, bar)


def _audit(path: str, rules: list, options: Options, keep) -> FileResult:
    result = audit_file(path, rules, options)
    if keep is not None:
        keep(path, result)
    return result


def _prepare(files: list[str], rules: list) -> None:
    """Import, before the workers are forked, what each of them would otherwise import for itself:
    the modules of the rules' kinds and the readers of the files' formats. Not the readers' own
    libraries: those load in a worker with the first file that needs them."""
    from importlib import import_module

    from .ingest import READERS

    for rule in rules:
        rule.module  # noqa: B018 - imports the kind
    for suffix in sorted({os.path.splitext(path)[1].lower() for path in files}):
        if suffix in READERS:
            try:
                import_module(f".ingest.{READERS[suffix][0]}", __package__)
            except Exception:  # noqa: BLE001 - a reader that cannot load fails its files, in a worker
                pass


class _WorkerBug(Exception):
    """An exception raised by the audit in a worker: re-raised in the parent (exit 4), with the
    worker's traceback as `detail` for the crash log."""

    def __init__(self, path: str, detail: str):
        last = detail.strip().splitlines()[-1] if detail.strip() else ""
        super().__init__(f"{path}: {last}")
        self.detail = detail


def limit_memory(memory_mb: int) -> None:
    """RLIMIT_AS for this process (a worker), never above the hard limit already set."""
    if not memory_mb:
        return
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # no resource module (Windows) or not allowed
        pass


def _worker(conn, rules, options, memory_mb: int, keep=None) -> None:
    """Audit the files the parent sends, one at a time, until it sends None or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    limit_memory(memory_mb)
    _tune_gc()
    from .knowledge import extend_vocabulary

    # a forked worker has the parent's vocabulary already; a spawned one (no fork) starts from
    # the shipped one and must be given the config's additions
    extend_vocabulary(getattr(options, "vocabulary", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        index, path = job
        try:
            reply = (index, "ok", _audit(path, rules, options, keep))
            regex_cache.save()  # the patterns compiled for the first file (vocabulary, lexicon); no more after it
        except MemoryError:
            reply = (index, "memory", None)
        except Exception as exc:  # noqa: BLE001 - sent to the parent, which raises it (exit 4)
            import traceback

            reply = (index, "bug", "".join(traceback.format_exception(exc)))
        try:
            conn.send(reply)
        except MemoryError:
            conn.send((index, "memory", None))
        except (OSError, EOFError, BrokenPipeError):
            return
        if reply[1] == "memory":
            return  # a process that ran out of memory is not trusted with the next file


# An audit allocates many short-lived objects (cells, locations, facts) and makes few reference
# cycles: the youngest generation is collected every 20,000 net allocations instead of 700.
# (Measured on the synthetic .txt reports: 5% less CPU per file; memory stays bounded, since a
# collection still comes every 20,000 allocations.)
GC_THRESHOLD = (20_000, 50, 100)


def _tune_gc() -> None:
    """In a worker: what was imported before the fork is left out of every collection (and its
    pages stay shared with the parent); collections come less often (GC_THRESHOLD)."""
    import gc

    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def _largest_last(files: list[str]) -> list[tuple[int, str]]:
    """The jobs (index, path) smallest first, to be given out from the end: the largest file
    goes first, so that no long file starts last and keeps one worker busy while the others
    wait (a batch takes at least as long as its longest file). Results keep the files' order."""
    def size(job: tuple[int, str]) -> tuple[int, int]:
        try:
            return os.stat(job[1]).st_size, -job[0]
        except OSError:
            return 0, -job[0]  # (it fails at once whenever it comes)

    return sorted(enumerate(files), key=size)


class _Pool:
    """Worker processes fed one file at a time over pipes, watched by the parent."""

    def __init__(self, rules, options, workers: int, seconds: float, memory_mb: int, keep=None):
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.rules, self.options, self.size = rules, options, workers
        self.seconds, self.memory_mb, self.keep = seconds, memory_mb, keep
        self.workers: list[dict] = []

    def _start(self) -> dict:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, daemon=True,
                                       args=(child, self.rules, self.options, self.memory_mb, self.keep))
        process.start()
        child.close()
        worker = {"process": process, "conn": parent, "job": None, "started": 0.0}
        self.workers.append(worker)
        return worker

    def _stop(self, worker: dict, kill: bool) -> None:
        process = worker["process"]
        if kill and process.is_alive():
            process.kill()
        process.join(5 if not kill else None)
        if process.is_alive():
            process.kill()
            process.join()
        worker["conn"].close()
        self.workers.remove(worker)

    def run(self, files: list[str], bar) -> list[FileResult]:
        import time
        from multiprocessing.connection import wait

        results: dict[int, FileResult] = {}
        pending = _largest_last(files)  # (given out from the end)
        try:
            for _ in range(self.size):
                self._start()
            while len(results) < len(files):
                for worker in list(self.workers):
                    if worker["job"] is None and pending:
                        self._give(worker, pending.pop())
                busy = [w for w in self.workers if w["job"] is not None]
                if not busy:  # workers died before taking a job: start new ones
                    while len(self.workers) < self.size:
                        self._start()
                    continue
                now = time.monotonic()
                timeout = None
                if self.seconds:
                    timeout = max(0.0, min(w["started"] + self.seconds for w in busy) - now)
                ready = wait([w["conn"] for w in busy] + [w["process"].sentinel for w in busy], timeout)
                for worker in busy:
                    done = self._collect(worker, ready, results, files)
                    if done:
                        bar.advance()
                if self.seconds:
                    now = time.monotonic()
                    for worker in [w for w in self.workers if w["job"] is not None]:
                        if now - worker["started"] >= self.seconds:
                            index = worker["job"]
                            results[index] = FileResult(files[index],
                                                        error=TIMEOUT_ERROR.format(seconds=self.seconds),
                                                        seconds=now - worker["started"])
                            self._stop(worker, kill=True)
                            bar.advance()
                while len(self.workers) < min(self.size, len(pending) + sum(
                        1 for w in self.workers if w["job"] is not None)):
                    self._start()
        finally:
            for worker in list(self.workers):
                try:
                    worker["conn"].send(None)
                except (OSError, EOFError, BrokenPipeError):
                    pass
            for worker in list(self.workers):  # a worker still busy (Ctrl-C, a bug elsewhere) is killed
                self._stop(worker, kill=worker["job"] is not None)
        return [results[i] for i in range(len(files))]

    def _give(self, worker: dict, job: tuple[int, str]) -> None:
        import time

        worker["job"], worker["started"] = job[0], time.monotonic()
        try:
            worker["conn"].send(job)
        except (OSError, EOFError, BrokenPipeError):
            pass  # a dead worker: noticed by its sentinel

    def _collect(self, worker: dict, ready: list, results: dict, files: list[str]) -> bool:
        """Take a finished worker's result, or report the file of a dead one; True if the file is done."""
        import time

        index = worker["job"]
        if worker["conn"] in ready:
            try:
                reply = worker["conn"].recv()
            except (EOFError, OSError):
                reply = None
            if reply is not None:
                _, status, payload = reply
                worker["job"] = None
                if status == "ok":
                    results[index] = payload
                    return True
                if status == "bug":
                    raise _WorkerBug(files[index], payload)
                results[index] = FileResult(files[index], error=MEMORY_ERROR.format(mb=self.memory_mb),
                                            seconds=time.monotonic() - worker["started"])
                self._stop(worker, kill=False)
                return True
        if worker["conn"] in ready or worker["process"].sentinel in ready:
            if worker["process"].is_alive() and worker["conn"] not in ready:
                return False
            self._stop(worker, kill=True)
            results[index] = FileResult(files[index], error=self._death(worker),
                                        seconds=time.monotonic() - worker["started"])
            return True
        return False

    def _death(self, worker: dict) -> str:
        code = worker["process"].exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"信号 {-code}"
            if -code == signal.SIGKILL and self.memory_mb:
                return KILLED_ERROR.format(signal=name)
            return KILLED_ERROR.format(signal=name)
        return f"读取失败：处理进程异常退出（退出码 {code}），已跳过"


def default_workers() -> int:
    return os.cpu_count() or 1


class _Progress:
    """A rich progress bar on a terminal, nothing when piped."""

    def __init__(self, total: int, show: bool):
        self.total, self.show, self.bar, self.task = total, show and total > 1, None, None

    def __enter__(self):
        if self.show:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self.bar = Progress("检查中", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                transient=True)
            self.bar.__enter__()
            self.task = self.bar.add_task("check", total=self.total)
        return self

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False
