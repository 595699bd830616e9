"""Command line: check, baseline, inspect, rules. Heavy modules are imported inside commands.

Exit codes mean one thing each: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage, configuration or rule-file error (found before any file is read), 3 an input could
not be read, 4 an internal error (traceback in a log file, or on screen with --debug).
"""
from __future__ import annotations

import os
import sys
import tempfile
import traceback
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from typer import _click
from typer.core import TyperCommand, TyperGroup

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4
DEFAULT_REPORT_DIR = Path("reports")
CRASH_LOG = Path(tempfile.gettempdir()) / "auditor-error.log"


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


# What each option accepts, for the one-line message about a bad value
ALLOWED = {
    "fmt": "、".join(f.value for f in Format),
    "fail_on": "、".join(level.value for level in Level),
    "workers": "不小于 0 的整数（0 表示按 CPU 核数）",
    "timeout": "不小于 0 的秒数（0 表示不限）",
}


class AuditorCommand(TyperCommand):
    """A command whose help is Chinese plain text (cli_help)."""

    def format_help(self, ctx, formatter) -> None:
        from .cli_help import render

        formatter.write(render(ctx, self))


class AuditorGroup(TyperGroup):
    """Runs a command and turns every way it can end into one exit code and one message."""

    def format_help(self, ctx, formatter) -> None:
        from .cli_help import render

        listed = [(name, (self.get_command(ctx, name).help or "").strip().split("\n")[0])
                  for name in self.list_commands(ctx)]
        formatter.write(render(ctx, self, listed))

    def main(self, args=None, prog_name=None, **extra):
        args = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in args or bool(os.environ.get("AUDITOR_DEBUG"))
        args = [a for a in args if a != "--debug"]
        extra.pop("standalone_mode", None)

        def call():
            return super(AuditorGroup, self).main(args=args, prog_name=prog_name, standalone_mode=False, **extra)

        sys.exit(_outcome(call, debug))


def _outcome(call, debug: bool) -> int:
    try:
        result = call()
    except _click.exceptions.NoArgsIsHelpError as exc:
        _echo(exc.ctx.get_help())
        return EXIT_USAGE
    except _click.exceptions.ClickException as exc:
        _echo(f"用法错误：{usage_message(exc)}", err=True)
        return EXIT_USAGE
    except typer.Abort:
        return 130
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into exit 4
        return _internal_error(exc, debug)
    return result if isinstance(result, int) else EXIT_OK


def _internal_error(exc: BaseException, debug: bool) -> int:
    text = "".join(traceback.format_exception(exc)) + getattr(exc, "detail", "")
    if debug:
        _echo(text, err=True, nl=False)
        where = "（详情见上）"
    else:
        try:
            CRASH_LOG.write_text(text, encoding="utf-8", errors="backslashreplace")
            where = f"（这不是检查发现；详情已写入 {CRASH_LOG}，加 --debug 可显示）"
        except OSError:
            where = "（这不是检查发现；加 --debug 可显示详情）"
    _echo(f"内部错误：{type(exc).__name__}: {exc}{where}", err=True)
    return EXIT_INTERNAL


def usage_message(exc) -> str:
    """One Chinese line for a parse error: the option, the value and what is allowed."""
    ex = _click.exceptions
    if isinstance(exc, ex.NoSuchOption):
        near = f"（是否想用 {'、'.join(sorted(exc.possibilities))}？）" if exc.possibilities else ""
        return f"未知选项 {exc.option_name}{near}"
    if isinstance(exc, ex.BadOptionUsage):
        need = "不接受值" if "does not take" in exc.message else "需要一个值"
        return f"选项 {exc.option_name} {need}"
    if isinstance(exc, ex.MissingParameter):
        return f"缺少参数 {_param_hint(exc.param)}"
    if isinstance(exc, ex.BadParameter):
        return _bad_value(exc)
    message = exc.format_message()
    if message.startswith("No such command"):
        return f"未知命令 {message.split(chr(39))[1]}（可用：check、baseline、ignore、inspect、rules）"
    if message.startswith("Got unexpected extra argument"):
        return f"多余的参数 {message.partition('(')[2].rstrip(')')}"
    return message


def _param_hint(param) -> str:
    if param is None:
        return "?"
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    return "/".join(opts) if opts else getattr(param, "metavar", None) or (param.name or "?").upper()


def _bad_value(exc) -> str:
    param = exc.param
    name = getattr(param, "name", "") or ""
    cause = exc.__cause__
    value = None
    if cause is not None and hasattr(cause, "errors"):
        value = cause.errors()[0].get("input")
    shown = f"「{value}」" if value is not None else ""
    from .cli_help import _choices

    choices = _choices(param)
    allowed = ALLOWED.get(name) or ("、".join(choices) if choices else None)
    tail = f"，应为 {allowed}" if allowed else ""
    word = "选项" if any(o.startswith("-") for o in getattr(param, "opts", [])) else "参数"
    return f"{word} {_param_hint(param)} 的值{shown}无效{tail}"


def _echo(message="", err: bool = False, nl: bool = True, raw_json: bool = False) -> None:
    """typer.echo with output hygiene: no control character from a document or file name reaches
    the terminal, and a name that is not valid UTF-8 shows replacement characters."""
    from .report.hygiene import clean_json, clean_text

    text = str(message)
    typer.echo(clean_json(text) if raw_json else clean_text(text), err=err, nl=nl)


def _fail_all(what: str, problems) -> None:
    """Every problem found in a file, one line each, then exit 2."""
    for problem in problems:
        _echo(f"{what}：{problem}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _fail(message: str) -> None:
    """A usage, configuration or rule-file problem: one line on stderr, exit 2."""
    _echo(message, err=True)
    raise typer.Exit(EXIT_USAGE)


app = typer.Typer(cls=AuditorGroup, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False, context_settings={"help_option_names": ["-h", "--help"]},
                  help="auditor：检查预决算与绩效自评报告的内部不一致。")
rules_app = typer.Typer(cls=AuditorGroup, no_args_is_help=True, help="查看和测试规则。",
                        context_settings={"help_option_names": ["-h", "--help"]})
app.add_typer(rules_app, name="rules")


def _version(value: bool) -> None:
    if value:
        _echo(f"auditor {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="显示版本号并退出"),
    debug: bool = typer.Option(False, "--debug", help="内部错误时显示完整的回溯信息（任何位置均可）"),
) -> None:
    """auditor：检查预决算与绩效自评报告的内部不一致。"""


def _load_rules(paths: Optional[List[Path]], defaults: bool = True):
    """The default pack with `paths` added (same id replaces), or only `paths` without defaults."""
    from .ruleset import RuleFileError, load_pack

    try:
        return load_pack(paths or None, defaults)
    except RuleFileError as exc:
        _fail_all("规则文件错误", exc.problems)


def _settings(config_path: Optional[Path]):
    from .config import ConfigError, find_config, load_config
    from .validation import FileProblems

    if config_path is not None and not config_path.exists():
        _fail(f"配置错误：--config 指定的配置文件不存在：{config_path}")
    try:
        config = load_config(config_path or find_config())
    except FileProblems as exc:
        _fail_all("配置错误", exc.problems)
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")
    except OSError as exc:
        _fail(f"配置错误：无法读取 {config_path}：{exc.strerror}")
    from .knowledge import extend_vocabulary

    extend_vocabulary(config.vocabulary)  # before rules are loaded: their labels are checked against it
    return config


def _suppressions(ignore_file: Optional[Path], baseline: Optional[Path], config):
    from . import suppressions
    from .validation import FileProblems

    for option, path in (("--ignore-file", ignore_file), ("--baseline", baseline)):
        if path is not None and not path.exists():
            _fail(f"忽略/基线文件错误：{option} 指定的文件不存在：{path}")
    try:
        ignore = suppressions.load_ignore(ignore_file or config.ignore_file or _default_ignore(config))
        known = suppressions.load_baseline(baseline or config.baseline)
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
        raise typer.Exit(EXIT_OK)
    return chosen.files


def _target(report: Optional[Path], fmt: str) -> Optional[Path]:
    """Where the report goes, checked for writing before any file is read; None: the terminal."""
    from .report import SUFFIX, TERMINAL

    if (fmt in TERMINAL and report is None) or str(report) == "-":
        return None
    target = report or DEFAULT_REPORT_DIR / f"auditor-report{SUFFIX[fmt]}"
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if target.is_dir():
        _fail(f"无法写入报告 {target}：这是一个文件夹（--report）")
    if not folder.is_dir():
        _fail(f"无法写入报告 {target}：{folder} 不是文件夹（--report）")
    if not os.access(target if target.exists() else folder, os.W_OK):
        _fail(f"无法写入报告 {target}：没有写入权限（--report）")
    return target


def _write(target: Path, text: str) -> None:
    try:
        from .report import write_atomic

        write_atomic(target, text)
    except OSError as exc:
        _fail(f"无法写入报告 {target}：{exc.strerror}（--report）")


def _run(files, rule_list, config, no_rounding: bool, workers: int, timeout: float):
    from . import batch
    from .engine import Options

    options = Options(report_rounding=config.rounding and not no_rounding,
                      disabled=frozenset(config.disable), severities=dict(config.severity))
    return batch.run(files, rule_list, options, workers or batch.default_workers(), timeout)


PATHS = typer.Argument(..., help="报告文件或文件夹（递归查找）", metavar="路径...")
RULES = typer.Option(None, "--rules", metavar="路径",
                     help="添加的规则文件或文件夹（可重复）；与默认规则同编号的规则替换之")
NO_DEFAULT_RULES = typer.Option(False, "--no-default-rules", help="不加载默认规则包，只用 --rules 和配置中的规则")
INCLUDE = typer.Option(None, "--include", metavar="模式",
                       help="只检查匹配的文件（gitignore 风格，相对于项目根目录；可重复）")
EXCLUDE = typer.Option(None, "--exclude", metavar="模式",
                       help="跳过匹配的文件或文件夹（gitignore 风格，相对于项目根目录；可重复），命令行列出的文件同样适用")
WORKERS = typer.Option(0, "--workers", "-j", min=0, show_default=False, metavar="N",
                       help="并行进程数；默认（0）为 CPU 核数")
TIMEOUT = typer.Option(120.0, "--timeout", min=0, metavar="秒", help="单个文件的处理时限（秒），0 表示不限")
CONFIG = typer.Option(None, "--config", metavar="文件",
                      help="配置文件（.auditor.yaml 或 pyproject.toml）；默认在当前文件夹及其上级查找，至 git 根目录为止")


class Colour(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


@app.command(cls=AuditorCommand)
def check(
    paths: List[Path] = PATHS,
    report: Optional[Path] = typer.Option(
        None, "--report", "-o", metavar="文件",
        help="报告输出路径，- 表示标准输出；默认写入 reports/（text、concise、github 默认输出到终端）"),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", show_default=False,
                                         help="报告格式；默认按 --report 的扩展名，否则 html"),
    rules: Optional[List[Path]] = RULES,
    no_default_rules: bool = NO_DEFAULT_RULES,
    fail_on: Optional[Level] = typer.Option(None, "--fail-on", show_default=False,
                                            help="达到该级别的新发现使退出码为 1；默认取配置，否则 error"),
    no_rounding: bool = typer.Option(False, "--no-rounding", help="不报告尾数误差提示"),
    include: Optional[List[str]] = INCLUDE,
    exclude: Optional[List[str]] = EXCLUDE,
    workers: int = WORKERS,
    timeout: float = TIMEOUT,
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="文件",
                                            help="基线文件：其中已有的发现不再使检查失败"),
    ignore_file: Optional[Path] = typer.Option(None, "--ignore-file", metavar="文件",
                                               help="忽略文件（默认 .auditor-ignore.yaml）"),
    config_path: Optional[Path] = CONFIG,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="只输出发现：不输出汇总行和提示"),
    statistics: bool = typer.Option(False, "--statistics", help="在标准错误输出按规则统计的新发现数"),
    colour: Colour = typer.Option(Colour.auto, "--color", help="终端输出是否着色；auto 时遵循 NO_COLOR"),
) -> None:
    """检查报告并写出检查结果。

    退出码：0 没有达到 --fail-on 级别的新发现；1 有；2 用法、配置或规则错误（在读取任何文件之前发现）；
    3 有文件无法读取；4 内部错误。
    """
    from .findings import SEVERITY_RANK

    fmt = _format(fmt, report)
    config = _settings(config_path)
    threshold = SEVERITY_RANK[fail_on.value if fail_on else config.fail_on]
    ignore, known = _suppressions(ignore_file, baseline, config)
    rule_list = _rule_list(rules, config, no_default_rules)
    target = _target(report, fmt)
    files = _files(paths, include, exclude, config, quiet)
    results = _run(files, rule_list, config, no_rounding, workers, timeout)
    notices = _suppress(results, files, config, ignore, known, baseline or config.baseline)
    for notice in [] if quiet else notices:
        _echo(notice, err=True)
    _emit(fmt, results, rule_list, target, quiet, _coloured(colour))
    if statistics:
        _print_statistics(results, rule_list)
    raise typer.Exit(_exit_code(results, threshold))


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
    from . import suppressions
    from .findings import project_path, relative_paths

    root = _root(config)
    relative_paths(results, root)
    notices = suppressions.apply(results, ignore, known)
    audited = {project_path(f, root) for f in files}
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


@app.command("baseline", cls=AuditorCommand)
def make_baseline(
    paths: List[Path] = PATHS,
    output: Path = typer.Option(Path("auditor-baseline.json"), "--output", "-o", metavar="文件",
                                help="基线文件路径"),
    rules: Optional[List[Path]] = RULES,
    no_default_rules: bool = NO_DEFAULT_RULES,
    include: Optional[List[str]] = INCLUDE,
    exclude: Optional[List[str]] = EXCLUDE,
    workers: int = WORKERS,
    timeout: float = TIMEOUT,
    config_path: Optional[Path] = CONFIG,
) -> None:
    """记录当前的全部发现作为基线；之后用 check --baseline 只对新发现失败。"""
    from . import suppressions
    from .findings import relative_paths

    config = _settings(config_path)
    rule_list = _rule_list(rules, config, no_default_rules)
    _target(output, "json")
    files = _files(paths, include, exclude, config)
    results = _run(files, rule_list, config, False, workers, timeout)
    relative_paths(results, _root(config))
    count = suppressions.write_baseline(results, output)
    _echo(f"已记录 {count} 处发现到基线 {output}")
    if any(r.error for r in results):
        _print_unreadable(results)
        raise typer.Exit(EXIT_UNREADABLE)


def _root(config) -> Path:
    from .findings import project_root

    return project_root(config.path)


@app.command("ignore", cls=AuditorCommand)
def ignore_finding(
    fingerprint: str = typer.Argument(..., metavar="指纹", help="要接受的发现的指纹（见 text/JSON/SARIF 输出）"),
    reason: str = typer.Option(..., "--reason", "-r", metavar="理由", help="为什么接受这一发现（必填）"),
    expires: Optional[str] = typer.Option(None, "--expires", metavar="YYYY-MM-DD", help="到期日；过期后不再忽略"),
    by: Optional[str] = typer.Option(None, "--by", metavar="姓名", help="认可人"),
    file: Optional[Path] = typer.Option(None, "--file", metavar="文件",
                                        help="发现所在的文件；记录后，只在检查该文件时判断条目是否过时"),
    ignore_file: Optional[Path] = typer.Option(None, "--ignore-file", metavar="文件",
                                               help="忽略文件；默认取配置，否则项目根目录下的 .auditor-ignore.yaml"),
    config_path: Optional[Path] = CONFIG,
) -> None:
    """把一处发现记入忽略文件（需要理由，可设到期日）。"""
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
    _target(target, "text")
    existing = _suppressions(target, None, config)[0] if target.is_file() else {}
    if fingerprint in existing:
        _fail(f"{target} 中已有指纹 {fingerprint} 的条目（{existing[fingerprint]['source']}）")
    where = project_path(str(file), _root(config)) if file else None
    try:
        suppressions.add_entry(target, fingerprint, reason.strip(), day, by, where)
    except suppressions.SuppressionError as exc:
        _fail(f"忽略/基线文件错误：{exc}")
    _echo(f"已把 {fingerprint} 记入 {target}")


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


@app.command(cls=AuditorCommand)
def inspect(
    file: Path = typer.Argument(..., metavar="文件", help="要查看的报告文件"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    facts: bool = typer.Option(False, "--facts", help="列出事实库：概念、口径、期间、主体、数值、单位、精度、来源"),
) -> None:
    """显示读到的内容：元数据、各块、表格网格、表格类型与类型化数据；--facts 列出事实库。"""
    from .ingest import ReadError, load
    from .inspection import describe, to_json

    if not file.is_file():
        _fail(f"路径不存在或不是文件：{file}")
    try:
        doc = load(file)
    except ReadError as exc:
        _echo(f"无法读取 {file}：{exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    except MemoryError:
        _echo(f"无法读取 {file}：超出内存限制", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    except Exception as exc:  # noqa: BLE001 - a reader bug: the file is not read, as `check` says it
        _echo(f"无法读取 {file}：读取时发生内部错误：{type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    if facts:
        from .inspection import describe_facts

        _settings(None)  # the facts as `check` reads them: with the project's vocabulary additions
        _echo(describe_facts(doc, as_json), raw_json=as_json)
        return
    _echo(to_json(doc) if as_json else describe(doc), raw_json=as_json)


class SchemaName(str, Enum):
    rules = "rules"
    config = "config"
    ignore = "ignore"
    baseline = "baseline"


SCHEMA_FILES = {"rules": "rule-file.schema.json", "config": "config.schema.json",
                "ignore": "ignore-file.schema.json", "baseline": "baseline.schema.json"}


@app.command("schema", cls=AuditorCommand)
def schema(which: SchemaName = typer.Argument(..., metavar="种类", help="哪种文件的 JSON Schema：rules、config、ignore 或 baseline")) -> None:
    """输出规则文件、配置、忽略文件或基线文件的 JSON Schema（供编辑器补全和检查）。"""
    import json

    from .validation import schemas

    text = json.dumps(schemas()[SCHEMA_FILES[which.value]], ensure_ascii=False, indent=2, sort_keys=True)
    _echo(text, raw_json=True)


@rules_app.command("list", cls=AuditorCommand)
def rules_list(rules: Optional[List[Path]] = typer.Option(None, "--rules", metavar="路径",
                                                          help="规则文件或文件夹")) -> None:
    """列出规则。"""
    for rule in _load_rules(rules):
        _echo(f"{rule.id}\t{rule.severity}\t{rule.cls}\t{rule.kind}\t{rule.title}")


@rules_app.command("explain", cls=AuditorCommand)
def rules_explain(rule_id: str = typer.Argument(..., metavar="规则编号", help="如 SCO001"),
                  rules: Optional[List[Path]] = typer.Option(None, "--rules", metavar="路径",
                                                             help="规则文件或文件夹")) -> None:
    """显示规则说明和示例。"""
    found = [r for r in _load_rules(rules) if r.id == rule_id.upper()]
    if not found:
        _echo(f"没有规则 {rule_id}", err=True)
        raise typer.Exit(EXIT_USAGE)
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


@rules_app.command("test", cls=AuditorCommand)
def rules_test(paths: Optional[List[Path]] = typer.Argument(None, metavar="路径...",
                                                            help="规则文件或文件夹；默认为内置规则包")) -> None:
    """运行每条规则自带的示例（fire 必须报告，quiet 不得报告）。"""
    from .examples import run_examples

    failures, total = 0, 0
    for rule in _load_rules(paths, defaults=not paths):
        for result in run_examples(rule):
            total += 1
            if not result.passed:
                failures += 1
                _echo(f"FAIL {result.rule} {result.kind} #{result.index}: {result.detail}")
    _echo(f"{total - failures} passed, {failures} failed")
    raise typer.Exit(1 if failures else 0)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
