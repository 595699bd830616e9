"""Batch audits: files in parallel worker processes, a per-file time limit, a progress bar.

The work for one file is `audit_one(path, rules, options, seconds)`, a picklable function of
plain data, so any executor that maps functions over paths can run it.
"""
from __future__ import annotations

import os
import re
import signal
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .engine import FileResult, Options, audit_file
from .ingest import SUPPORTED


class _TimeLimit(BaseException):
    """Not an Exception, so that the engine's guards against reader bugs let it through."""


def _expired(signum, frame):
    raise _TimeLimit


def audit_one(path: str, rules: list, options: Options | None = None, seconds: float = 0) -> FileResult:
    """Audit one file, giving up after `seconds` (0: no limit) with a clear error."""
    if not seconds or not hasattr(signal, "setitimer"):
        return audit_file(path, rules, options)
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
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
    wanted, unwanted = path_spec(include), path_spec(exclude)
    chosen, seen = Selection(), set()
    for path in paths:
        for candidate in _candidates(path, chosen):
            key = project_path(str(candidate), root).lstrip("/")
            if candidate.resolve() in seen:
                continue
            seen.add(candidate.resolve())
            if (unwanted and unwanted.match_file(key)) or (wanted and not wanted.match_file(key)):
                chosen.excluded.append(str(candidate))
            else:
                chosen.files.append(str(candidate))
    return chosen


def _candidates(path: Path, chosen: Selection) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                       and not p.name.startswith(("~$", "."))
                       and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1]))
        chosen.not_reports.extend(str(p) for p in found if NOT_REPORT_RE.match(p.name))
        return [p for p in found if not NOT_REPORT_RE.match(p.name)]
    if path.suffix.lower() not in SUPPORTED:
        chosen.unsupported.append(str(path))
        return []
    return [path]


def collect_files(paths: list[Path], include: list[str] | None = None,
                  exclude: list[str] | None = None, root: Path | None = None) -> list[str]:
    return select(paths, include, exclude, root).files


def run(files: list[str], rules: list, options: Options, workers: int = 1, seconds: float = 0,
        progress: bool | None = None) -> list[FileResult]:
    """Results in the order of `files`; a file that cannot be read never stops the batch.

    An exception raised by the audit itself is a bug: it propagates (exit 4), whatever `workers`."""
    show = sys.stderr.isatty() if progress is None else progress
    workers = max(1, min(workers, len(files)))
    with _Progress(len(files), show) as bar:
        if workers == 1:
            results = []
            for path in files:
                results.append(audit_one(path, rules, options, seconds))
                bar.advance()
            return results
        results_by_path: dict[int, FileResult] = {}
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(audit_one, path, rules, options, seconds): i for i, path in enumerate(files)}
            for future in as_completed(futures):
                i = futures[future]
                try:
                    results_by_path[i] = future.result()
                except BrokenProcessPool as exc:  # a worker that died (killed, out of memory)
                    results_by_path[i] = FileResult(files[i], error=f"处理进程异常退出：{type(exc).__name__}")
                bar.advance()
        return [results_by_path[i] for i in range(len(files))]


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
