"""Command line: check, baseline, ignore, inspect, schema, rules. Heavy modules are imported inside
commands, and the typer declarations (cli_app.py) only when a line needs them: `main` parses a
plain `check` itself, so a pre-commit run over unchanged files costs little more than Python's
own start-up (typer builds a pydantic adapter for every option, and those cost more than a
cached audit).

Exit codes mean one thing each: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage, configuration or rule-file error (found before any file is read), 3 an input could
not be read, 4 an internal error (traceback in a log file, or on screen with --debug).
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

from . import __version__, regex_cache

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4
DEFAULT_REPORT_DIR = Path("reports")
# CRASH_LOG, the traceback of an internal error: auditor-error.log in the temporary folder (below)


class Format(str, Enum):
    html = "html"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    text = "text"
    concise = "concise"
    github = "github"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Colour(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class SchemaName(str, Enum):
    rules = "rules"
    config = "config"
    ignore = "ignore"
    baseline = "baseline"


# What each option accepts, for the one-line message about a bad value
ALLOWED = {
    "fmt": "、".join(f.value for f in Format),
    "fail_on": "、".join(level.value for level in Level),
    "workers": "不小于 0 的整数（0 表示按 CPU 核数）",
    "timeout": "不小于 0 的秒数（0 表示不限）",
}


class Exit(Exception):
    """How a command ends early with an exit code (a usage error, nothing to audit)."""

    def __init__(self, code: int = EXIT_OK):
        super().__init__(code)
        self.exit_code = code


def __getattr__(name: str):
    """CRASH_LOG, and the typer application and its helpers (app, rules_app, usage_message …),
    made on first use."""
    if name == "CRASH_LOG":
        import tempfile

        globals()[name] = Path(tempfile.gettempdir()) / "auditor-error.log"
        return globals()[name]
    if name.startswith("__"):
        raise AttributeError(name)
    from . import cli_app

    try:
        return getattr(cli_app, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def _outcome(call, debug: bool) -> int:
    try:
        result = call()
    except Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _pacify()
        return EXIT_FINDINGS
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into exit 4
        if "typer" in sys.modules:
            from .cli_app import click_outcome

            code = click_outcome(exc)
            if code is not None:
                return code
        return _internal_error(exc, debug)
    return result if isinstance(result, int) else EXIT_OK


def _pacify() -> None:
    """A reader that went away (`| head`): no second error when the streams are flushed at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _internal_error(exc: BaseException, debug: bool) -> int:
    import traceback

    text = "".join(traceback.format_exception(exc)) + getattr(exc, "detail", "")
    crash_log = globals().get("CRASH_LOG") or __getattr__("CRASH_LOG")
    if debug:
        _echo(text, err=True, nl=False)
        where = "（详情见上）"
    else:
        try:
            crash_log.write_text(text, encoding="utf-8", errors="backslashreplace")
            where = f"（这不是检查发现；详情已写入 {crash_log}，加 --debug 可显示）"
        except OSError:
            where = "（这不是检查发现；加 --debug 可显示详情）"
    _echo(f"内部错误：{type(exc).__name__}: {exc}{where}", err=True)
    return EXIT_INTERNAL


def _echo(message="", err: bool = False, nl: bool = True, raw_json: bool = False) -> None:
    """A line on stdout or stderr, with output hygiene: no control character from a document or file
    name reaches the terminal, and a name that is not valid UTF-8 shows replacement characters.
    (As click.echo writes it: flushed, and UTF-8 bytes when the stream cannot encode the text.)"""
    from .report.hygiene import clean_json, clean_text

    text = str(message)
    text = (clean_json(text) if raw_json else clean_text(text)) + ("\n" if nl else "")
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    try:
        stream.write(text)
    except UnicodeEncodeError:
        stream.flush()
        binary = getattr(stream, "buffer", None)
        if binary is None:
            stream.write(text.encode(stream.encoding or "ascii", "replace").decode(stream.encoding or "ascii"))
        else:
            binary.write(text.encode("utf-8", "replace"))
    stream.flush()


def _fail_all(what: str, problems) -> None:
    """Every problem found in a file, one line each, then exit 2."""
    for problem in problems:
        _echo(f"{what}：{problem}", err=True)
    raise Exit(EXIT_USAGE)


def _fail(message: str) -> None:
    """A usage, configuration or rule-file problem: one line on stderr, exit 2."""
    _echo(message, err=True)
    raise Exit(EXIT_USAGE)


def version_line() -> str:
    return f"auditor {__version__}"


def _load_rules(paths: Optional[List[Path]], defaults: bool = True):
    """The default pack with `paths` added (same id replaces), or only `paths` without defaults."""
    from .ruleset import RuleFileError, load_pack

    try:
        return load_pack(paths or None, defaults)
    except RuleFileError as exc:
        _fail_all("规则文件错误", exc.problems)


def _settings(config_path: Optional[Path]):
    from .config import ConfigError, find_config, load_config

    if config_path is not None and not config_path.exists():
        _fail(f"配置错误：--config 指定的配置文件不存在：{config_path}")
    try:
        config = load_config(config_path or find_config())
    except Exception as exc:  # noqa: BLE001 - sorted below; anything else is re-raised (exit 4)
        if _file_problems(exc) is not None:
            _fail_all("配置错误", exc.problems)
        if isinstance(exc, ConfigError):
            _fail(f"配置错误：{exc}")
        if isinstance(exc, OSError):
            _fail(f"配置错误：无法读取 {config_path}：{exc.strerror}")
        raise
    from .knowledge import extend_vocabulary

    extend_vocabulary(config.vocabulary)  # before rules are loaded: their labels are checked against it
    return config


def _file_problems(exc: BaseException):
    """The problems of a settings file that failed its checks, or None for any other exception.
    (validation.py, which builds pydantic models, is loaded only by a module that raised one.)"""
    validation = sys.modules.get(f"{__package__}.validation")
    if validation is not None and isinstance(exc, validation.FileProblems):
        return exc.problems
    return None


def _suppressions(ignore_file: Optional[Path], baseline: Optional[Path], config):
    for option, path in (("--ignore-file", ignore_file), ("--baseline", baseline)):
        if path is not None and not path.exists():
            _fail(f"忽略/基线文件错误：{option} 指定的文件不存在：{path}")
    ignore_path = ignore_file or config.ignore_file or _default_ignore(config)
    baseline_path = baseline or config.baseline
    if ignore_path is None and baseline_path is None:
        return {}, {}  # nothing to read (and the models that check those files are not loaded)
    from . import suppressions
    from .validation import FileProblems

    try:
        ignore = suppressions.load_ignore(ignore_path)
        known = suppressions.load_baseline(baseline_path)
    except FileProblems as exc:
        _fail_all("忽略/基线文件错误", exc.problems)
    except suppressions.SuppressionError as exc:
        _fail(f"忽略/基线文件错误：{exc}")
    return ignore, known


def _default_ignore(config) -> Optional[Path]:
    path = _root(config) / ".auditor-ignore.yaml"
    return path if path.is_file() else None


def _rule_list(rules: Optional[List[Path]], config, no_default_rules: bool = False):
    """The rules to run: the pack, the config's parameter overrides and tolerances; ids checked."""
    from dataclasses import replace

    from .ruleset import with_params

    extra = list(config.rules) + list(rules or [])
    loaded = _load_rules(extra, config.default_rules and not no_default_rules)
    if not loaded:
        _fail("没有可运行的规则：不加载默认规则包时（--no-default-rules 或 default_rules: false），"
              "请用 --rules 或配置的 rules 指定规则")
    loaded, wrong = with_params(loaded, config.params, str(config.path), config.lines)
    wrong += config.unknown_rules({r.id for r in loaded})
    if wrong:
        _fail_all("配置错误", wrong)
    return [replace(r, tolerance=config.tolerance.get(r.id, r.tolerance)) for r in loaded]


def _files(paths: List[Path], include, exclude, config, quiet: bool = False) -> list[str]:
    """The files to audit; excluded ones are skipped quietly, and none left means exit 0."""
    from . import batch

    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail(f"路径不存在：{missing[0]}")
    chosen = batch.select(paths, include, list(exclude or []) + config.ignore_paths, _root(config))
    if chosen.unsupported and not quiet:
        _echo(f"跳过不支持的文件类型：{'、'.join(chosen.unsupported)}", err=True)
    if chosen.not_reports and not quiet:
        _echo(f"跳过看起来不是报告的文件：{'、'.join(chosen.not_reports)}", err=True)
    if not chosen.files:
        if not chosen.excluded and not chosen.unsupported and not quiet:
            _echo("没有找到可检查的文件", err=True)
        raise Exit(EXIT_OK)
    return chosen.files


def _target(report: Optional[Path], fmt: str, option: str = "--report", what: str = "报告") -> Optional[Path]:
    """Where the report goes, checked for writing before any file is read; None: the terminal.
    `option` and `what` name the option and the file in the messages (baseline, ignore file)."""
    from .report import SUFFIX, TERMINAL

    if (fmt in TERMINAL and report is None) or str(report) == "-":
        return None
    target = report or DEFAULT_REPORT_DIR / f"auditor-report{SUFFIX[fmt]}"
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if target.is_dir():
        _fail(f"无法写入{what} {target}：这是一个文件夹（{option}）")
    if not folder.is_dir():
        _fail(f"无法写入{what} {target}：{folder} 不是文件夹（{option}）")
    if not os.access(target if target.exists() else folder, os.W_OK) or not _can_create(folder):
        _fail(f"无法写入{what} {target}：没有写入权限（{option}）")
    return target


def _can_create(folder: Path) -> bool:
    """Whether a file can be made in `folder` (os.access says yes to root everywhere, even in /sys
    and on read-only mounts): a probe file made and removed at once. Reports are written as a
    temporary file in the same folder renamed into place, so this is the permission they need."""
    import tempfile

    try:
        handle, probe = tempfile.mkstemp(prefix=".auditor-probe-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    try:
        os.unlink(probe)
    except OSError:
        pass
    return True


def _write(target: Path, text: str, option: str = "--report", what: str = "报告") -> None:
    try:
        from .report import write_atomic

        write_atomic(target, text)
    except OSError as exc:
        _fail(f"无法写入{what} {target}：{exc.strerror or exc}（{option}）")


def _run(files, rule_list, config, no_rounding: bool, workers: int, timeout: float, keep=None):
    from . import batch
    from .engine import Options

    options = Options(report_rounding=config.rounding and not no_rounding,
                      disabled=frozenset(config.disable), severities=dict(config.severity),
                      vocabulary=dict(config.vocabulary))
    return batch.run(files, rule_list, options, workers or batch.default_workers(), timeout, keep=keep)


def check(paths: List[Path], report: Optional[Path] = None, fmt: Optional[Format] = None,
          rules: Optional[List[Path]] = None, no_default_rules: bool = False, fail_on: Optional[Level] = None,
          no_rounding: bool = False, include: Optional[List[str]] = None, exclude: Optional[List[str]] = None,
          workers: int = 0, timeout: float = 120.0, baseline: Optional[Path] = None,
          ignore_file: Optional[Path] = None, config_path: Optional[Path] = None, quiet: bool = False,
          statistics: bool = False, colour: Colour = Colour.auto, no_cache: bool = False,
          cache_dir: Optional[Path] = None) -> int:
    """`auditor check`: everything that can be wrong with the settings is found before any file is
    read (exit 2); files whose results are in the cache are not audited again."""
    from .findings import SEVERITY_RANK

    fmt = _format(fmt, report)
    config = _settings(config_path)
    threshold = SEVERITY_RANK[fail_on.value if fail_on else config.fail_on]
    ignore, known = _suppressions(ignore_file, baseline, config)
    pack = _Pack(rules, config, no_default_rules, no_rounding, _cache(config, rules, no_default_rules, no_rounding,
                                                                       no_cache, cache_dir))
    pack.settle()
    target = _target(report, fmt)
    files = _files(paths, include, exclude, config, quiet)
    results = pack.audit(files, workers, timeout)
    notices = _suppress(results, files, config, ignore, known, baseline or config.baseline)
    for notice in [] if quiet else notices:
        _echo(notice, err=True)
    _emit(fmt, results, pack.rules, target, quiet, _coloured(colour))
    if statistics:
        _print_statistics(results, pack.rules)
    return _exit_code(results, threshold)


class _Pack:
    """The rules of a run. With the cache, the rules these settings build are recorded once they
    have been built and checked, and later runs take them from there (they are not built again,
    nor checked: nothing that decides them has changed); a run whose files all come from the
    cache needs only what the reports say about each rule. The reports get that in every case
    (RuleCard: id, name, title, kind, class, severity, doc)."""

    def __init__(self, rules, config, no_default_rules: bool, no_rounding: bool, store):
        self.extra, self.config, self.no_default_rules, self.no_rounding = rules, config, no_default_rules, no_rounding
        self.store, self.recorded, self.audit_rules, self.rules = store, None, None, None

    def settle(self) -> None:
        """The rules for the reports: recorded ones, else built and checked now (exit 2 on a problem)."""
        from .cache import cards

        self.recorded = self.store.pack() if self.store is not None else None
        if self.recorded is None:
            self.build()
        else:
            self.rules = cards(self.recorded)

    def build(self) -> list:
        """The rules to audit with."""
        if self.audit_rules is None and self.recorded is not None:
            from .ruleset import Rule

            try:
                self.audit_rules = [Rule(**item) for item in self.recorded]
            except TypeError:  # recorded by another version of Rule: build them
                self.recorded = None
        if self.audit_rules is None:
            from .cache import cards

            self.audit_rules = _rule_list(self.extra, self.config, self.no_default_rules)
            self.rules = cards(self.audit_rules)
            if self.store is not None:
                self.store.keep_pack(self.audit_rules)
        return self.audit_rules

    def audit(self, files: list[str], workers: int, timeout: float) -> list:
        """Results in the order of `files`: from the cache, or audited (and then kept)."""
        hits = self.store.lookup(files) if self.store is not None else {}
        missing = [path for i, path in enumerate(files) if i not in hits]
        if missing:
            keep = self.store.put if self.store is not None and self.store.results else None  # in the workers
            fresh = _run(missing, self.build(), self.config, self.no_rounding, workers, timeout, keep)
            if self.store is not None:
                self.store.prune()
            fresh.reverse()
            results = [hits[i] if i in hits else fresh.pop() for i in range(len(files))]
        else:
            results = [hits[i] for i in range(len(files))]
        if self.store is not None:
            self.store.touch()
        return results


def _cache(config, rules, no_default_rules: bool, no_rounding: bool, no_cache: bool, cache_dir):
    """The cache of these settings (results not read nor written with --no-cache or
    AUDITOR_NO_CACHE; the built rule pack is kept either way), or None when a setting cannot be
    read (then the normal checks say what is wrong)."""
    from . import cache

    extra = list(config.rules) + list(rules or [])
    flags = {"no_rounding": bool(no_rounding), "default_rules": bool(config.default_rules and not no_default_rules)}
    settings = cache.settings_digest(config.path, extra, flags)
    if settings is None:
        return None
    return cache.Cache(cache.cache_dir(cache_dir, _root(config)), settings, results=cache.enabled(no_cache))


def _format(fmt: Optional[Format], report: Optional[Path]) -> str:
    """--format, else what the report's extension says, else text for stdout and html for a file."""
    from .report import BY_SUFFIX

    if fmt is not None:
        return fmt.value
    if report is None:
        return "html"
    if str(report) == "-":
        return "text"
    suffix = report.suffix.lower()
    if suffix and suffix not in BY_SUFFIX:
        _fail(f"无法从 --report 的扩展名「{suffix}」判断报告格式：请用 --format 指定"
              f"（{ALLOWED['fmt']}），或用扩展名 {'、'.join(sorted(BY_SUFFIX))}")
    return BY_SUFFIX.get(suffix, "html")


def _coloured(colour: Colour) -> bool:
    if colour is Colour.auto:
        return sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return colour is Colour.always


def _suppress(results, files, config, ignore, known, baseline_path) -> list[str]:
    """Key fingerprints to the project root, mark accepted findings; notices about the entries."""
    from .findings import project_path, relative_paths

    root = _root(config)
    relative_paths(results, root)
    if not ignore and not known:
        return []  # nothing accepted, nothing stale
    from . import suppressions

    notices = suppressions.apply(results, ignore, known)
    resolved_root = root.resolve()
    audited = {project_path(f, root, resolved_root) for f in files}
    return notices + suppressions.stale(results, ignore, known, audited, baseline_path)


def _emit(fmt: str, results, rule_list, target: Optional[Path], quiet: bool, colour: bool) -> None:
    """The report to its file or stdout; the summary on stderr (text on a terminal holds its own)."""
    from .report import render
    from .report.text_report import summary_line

    to_stdout = target is None or str(target) == "-"
    text = render(fmt, results, rule_list, colour=colour and to_stdout, quiet=quiet)
    if to_stdout:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        _write(target, text)
    if quiet:
        return
    if not (fmt == "text" and to_stdout):
        _echo(summary_line(results) + ("" if to_stdout else f"。报告：{target}"), err=True)
        _print_unreadable(results)


def _print_statistics(results, rule_list) -> None:
    from collections import Counter

    titles = {r.id: r.title for r in rule_list}
    counts = Counter(f.rule for r in results for f in r.findings if f.status == "new")
    for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        _echo(f"{count:>5}  {rule_id}  {titles.get(rule_id, '')}", err=True)


def _root(config) -> Path:
    from .findings import project_root

    return project_root(config.path)


def _date_option(value: Optional[str]):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"选项 --expires 的值「{value}」不是日期，应为 YYYY-MM-DD")


def _exit_code(results, threshold: int) -> int:
    from .findings import SEVERITY_RANK

    if any(r.error for r in results):
        return EXIT_UNREADABLE
    if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings if f.status == "new"):
        return EXIT_FINDINGS
    return EXIT_OK


def _print_unreadable(results) -> None:
    for r in results:
        if r.error:
            _echo(f"  无法读取 {r.path}：{r.error}", err=True)


def make_baseline(paths: List[Path], output: Path = Path("auditor-baseline.json"),
                  rules: Optional[List[Path]] = None, no_default_rules: bool = False,
                  include: Optional[List[str]] = None, exclude: Optional[List[str]] = None, workers: int = 0,
                  timeout: float = 120.0, config_path: Optional[Path] = None, no_cache: bool = False,
                  cache_dir: Optional[Path] = None) -> int:
    """`auditor baseline`: today's findings, recorded."""
    from . import suppressions
    from .findings import relative_paths

    config = _settings(config_path)
    pack = _Pack(rules, config, no_default_rules, False, _cache(config, rules, no_default_rules, False, no_cache,
                                                                 cache_dir))
    pack.settle()
    _target(output, "json", "-o/--output", "基线")
    files = _files(paths, include, exclude, config)
    results = pack.audit(files, workers, timeout)
    relative_paths(results, _root(config))
    try:
        count = suppressions.write_baseline(results, output)
    except OSError as exc:  # a full device, a mount gone read-only since the check above
        _fail(f"无法写入基线 {output}：{exc.strerror or exc}（-o/--output）")
    _echo(f"已记录 {count} 处发现到基线 {output}")
    if any(r.error for r in results):
        _print_unreadable(results)
        return EXIT_UNREADABLE
    return EXIT_OK


def ignore_finding(fingerprint: str, reason: str, expires: Optional[str] = None, by: Optional[str] = None,
                   file: Optional[Path] = None, ignore_file: Optional[Path] = None,
                   config_path: Optional[Path] = None) -> int:
    """`auditor ignore`: one accepted finding appended to the ignore file."""
    import datetime as dt
    import re

    from . import suppressions
    from .findings import project_path

    config = _settings(config_path)
    if not re.fullmatch(r"[0-9a-f]{16}", fingerprint):
        _fail(f"指纹「{fingerprint}」格式不符：应为 16 位十六进制（见检查输出中的「指纹」）")
    if not reason.strip():
        _fail("选项 --reason 不能为空：请写明为什么接受这一发现")
    day = _date_option(expires)
    if day is not None and day < dt.date.today():
        _fail(f"选项 --expires 的值「{expires}」已过去，应为今天或以后的日期")
    target = ignore_file or config.ignore_file or _root(config) / ".auditor-ignore.yaml"
    _target(target, "text", "--ignore-file", "忽略文件")
    existing = _suppressions(target, None, config)[0] if target.is_file() else {}
    if fingerprint in existing:
        _fail(f"{target} 中已有指纹 {fingerprint} 的条目（{existing[fingerprint]['source']}）")
    where = project_path(str(file), _root(config)) if file else None
    try:
        suppressions.add_entry(target, fingerprint, reason.strip(), day, by, where)
    except suppressions.SuppressionError as exc:
        _fail(f"忽略/基线文件错误：{exc}")
    except OSError as exc:
        _fail(f"无法写入忽略文件 {target}：{exc.strerror or exc}（--ignore-file）")
    _echo(f"已把 {fingerprint} 记入 {target}")
    return EXIT_OK


def inspect(file: Path, as_json: bool = False, facts: bool = False) -> int:
    """`auditor inspect`: what was read from one file."""
    from .ingest import ReadError, load
    from .inspection import describe, to_json

    if not file.is_file():
        _fail(f"路径不存在或不是文件：{file}")
    try:
        doc = load(file)
    except ReadError as exc:
        _echo(f"无法读取 {file}：{exc}", err=True)
        return EXIT_UNREADABLE
    except MemoryError:
        _echo(f"无法读取 {file}：超出内存限制", err=True)
        return EXIT_UNREADABLE
    except Exception as exc:  # noqa: BLE001 - a reader bug: the file is not read, as `check` says it
        _echo(f"无法读取 {file}：读取时发生内部错误：{type(exc).__name__}: {exc}", err=True)
        return EXIT_UNREADABLE
    if facts:
        from .inspection import describe_facts

        _settings(None)  # the facts as `check` reads them: with the project's vocabulary additions
        _echo(describe_facts(doc, as_json), raw_json=as_json)
        return EXIT_OK
    _echo(to_json(doc) if as_json else describe(doc), raw_json=as_json)
    return EXIT_OK


SCHEMA_FILES = {"rules": "rule-file.schema.json", "config": "config.schema.json",
                "ignore": "ignore-file.schema.json", "baseline": "baseline.schema.json"}


def schema(which: SchemaName) -> int:
    """`auditor schema`: one of the shipped JSON Schemas."""
    import json

    from .validation import schemas

    text = json.dumps(schemas()[SCHEMA_FILES[which.value]], ensure_ascii=False, indent=2, sort_keys=True)
    _echo(text, raw_json=True)
    return EXIT_OK


def rules_list(rules: Optional[List[Path]] = None) -> int:
    for rule in _load_rules(rules):
        _echo(f"{rule.id}\t{rule.severity}\t{rule.cls}\t{rule.kind}\t{rule.title}")
    return EXIT_OK


def rules_explain(rule_id: str, rules: Optional[List[Path]] = None) -> int:
    found = [r for r in _load_rules(rules) if r.id == rule_id.upper()]
    if not found:
        _echo(f"没有规则 {rule_id}", err=True)
        return EXIT_USAGE
    rule = found[0]
    _echo(f"{rule.id} {rule.name}：{rule.title}\n类型 {rule.kind} · 类别 {rule.cls} · 级别 {rule.severity}\n")
    _echo(rule.doc.rstrip())
    for kind, label in (("fire", "应报告的示例"), ("quiet", "不应报告的示例")):
        _echo(f"\n## {label}")
        for example in rule.examples[kind]:
            from .examples import example_parts

            text, expect = example_parts(example)
            shown = "".join(f"\n（应报告：{k} = {v}）" for k, v in expect.items())
            _echo("---\n" + text.rstrip() + shown)
    return EXIT_OK


def rules_test(paths: Optional[List[Path]] = None) -> int:
    from .examples import run_examples

    failures, total = 0, 0
    for rule in _load_rules(paths, defaults=not paths):
        for result in run_examples(rule):
            total += 1
            if not result.passed:
                failures += 1
                _echo(f"FAIL {result.rule} {result.kind} #{result.index}: {result.detail}")
    _echo(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


# `auditor check` parsed here when the line is plain; anything else goes to typer (cli_app.py),
# which gives the same values for every line this accepts and the messages for the rest.
CHECK_FLAGS = {"--no-default-rules": "no_default_rules", "--no-rounding": "no_rounding", "--quiet": "quiet",
               "-q": "quiet", "--statistics": "statistics", "--no-cache": "no_cache"}
CHECK_VALUES = {"--report": "report", "-o": "report", "--format": "fmt", "-f": "fmt", "--rules": "rules",
                "--fail-on": "fail_on", "--include": "include", "--exclude": "exclude", "--workers": "workers",
                "-j": "workers", "--timeout": "timeout", "--baseline": "baseline", "--ignore-file": "ignore_file",
                "--config": "config_path", "--color": "colour", "--cache-dir": "cache_dir"}
REPEATED = ("rules", "include", "exclude")
PATH_VALUES = ("report", "baseline", "ignore_file", "config_path", "cache_dir")
CHOICES = {"fmt": Format, "fail_on": Level, "colour": Colour}


def parse_check(args: list[str]) -> dict | None:
    """The keyword arguments of `check` for `args` (after the word check), or None when the line
    is anything but plain: help, an unknown or repeated option, a missing or doubtful value."""
    import re

    values: dict = {}
    paths: list[Path] = []
    i, only_paths = 0, False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_paths or arg == "-" or not arg.startswith("-"):
            if not arg or arg.startswith("-"):
                return None
            paths.append(Path(arg))
            continue
        if arg == "--":
            only_paths = True
            continue
        name, has_value, value = arg.partition("=") if arg.startswith("--") else (arg, False, None)
        if name in CHECK_FLAGS and not has_value:
            key = CHECK_FLAGS[name]
            if key in values:
                return None
            values[key] = True
            continue
        if name not in CHECK_VALUES:
            return None
        if not has_value:
            if i >= len(args):
                return None
            value = args[i]
            i += 1
        key = CHECK_VALUES[name]
        if not value or (value.startswith("-") and value != "-") or (key in values and key not in REPEATED):
            return None
        if key in REPEATED:
            values.setdefault(key, []).append(Path(value) if key == "rules" else value)
        elif key in PATH_VALUES:
            values[key] = Path(value)
        elif key in CHOICES:
            if value not in CHOICES[key]._value2member_map_:
                return None
            values[key] = CHOICES[key](value)
        elif key == "workers":
            if not re.fullmatch(r"0|[1-9][0-9]{0,5}", value):
                return None
            values[key] = int(value)
        elif key == "timeout":
            if not re.fullmatch(r"(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?", value):
                return None
            values[key] = float(value)
    if not paths:
        return None
    return {"paths": paths, **values}


def _fast(args: list[str]):
    """The work of a plain command line without typer, or None."""
    if args in (["--version"], ["-V"]):
        return lambda: _echo(version_line())
    if args[:1] == ["check"]:
        options = parse_check(args[1:])
        if options is not None:
            return lambda: check(**options)
    return None


def main() -> None:
    # pydantic (the config, rule, ignore and baseline models) would otherwise look for plugins in the
    # metadata of every installed distribution at the first model it builds; auditor uses none
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = sys.argv[1:]
    debug = "--debug" in args or bool(os.environ.get("AUDITOR_DEBUG"))
    regex_cache.install()  # before the modules that compile their patterns are imported
    try:
        fast = _fast([a for a in args if a != "--debug"])
        if fast is not None:
            sys.exit(_outcome(fast, debug))
        from .cli_app import app

        app()
    finally:
        regex_cache.save()


if __name__ == "__main__":
    main()
