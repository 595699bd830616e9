"""The command line as typer declares it: options, help, parsing and the messages about bad values.

`auditor.cli.main` parses a plain `check` itself (typer and the pydantic models it builds for
every option cost more than a cached audit); everything else, and every `check` line it is not
sure about (help, a bad value, an unusual spelling), comes here. The commands' work is in
`auditor.cli`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer
from typer import _click
from typer.core import TyperCommand, TyperGroup

from . import cli
from .cli import ALLOWED, EXIT_OK, EXIT_USAGE, Colour, Format, Level, SchemaName, _echo


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

        sys.exit(cli._outcome(call, debug))


def click_outcome(exc: BaseException) -> int | None:
    """The exit code of what the command-line library raised, its message printed; None otherwise."""
    if isinstance(exc, _click.exceptions.NoArgsIsHelpError):
        _echo(exc.ctx.get_help())
        return EXIT_USAGE
    if isinstance(exc, _click.exceptions.ClickException):
        _echo(f"用法错误：{usage_message(exc)}", err=True)
        return EXIT_USAGE
    if isinstance(exc, typer.Abort):
        return 130
    return None


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


app = typer.Typer(cls=AuditorGroup, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False, context_settings={"help_option_names": ["-h", "--help"]},
                  help="auditor：检查预决算与绩效自评报告的内部不一致。")
rules_app = typer.Typer(cls=AuditorGroup, no_args_is_help=True, help="查看和测试规则。",
                        context_settings={"help_option_names": ["-h", "--help"]})
app.add_typer(rules_app, name="rules")


def _version(value: bool) -> None:
    if value:
        _echo(cli.version_line())
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="显示版本号并退出"),
    debug: bool = typer.Option(False, "--debug", help="内部错误时显示完整的回溯信息（任何位置均可）"),
) -> None:
    """auditor：检查预决算与绩效自评报告的内部不一致。"""


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
NO_CACHE = typer.Option(False, "--no-cache", help="不读也不写结果缓存（环境变量 AUDITOR_NO_CACHE=1 同）")
CACHE_DIR = typer.Option(None, "--cache-dir", metavar="文件夹",
                         help="结果缓存的位置；默认为项目根目录下的 .auditor_cache（环境变量 AUDITOR_CACHE_DIR 同）")


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
    no_cache: bool = NO_CACHE,
    cache_dir: Optional[Path] = CACHE_DIR,
) -> int:
    """检查报告并写出检查结果。

    退出码：0 没有达到 --fail-on 级别的新发现；1 有；2 用法、配置或规则错误（在读取任何文件之前发现）；
    3 有文件无法读取；4 内部错误。
    """
    return cli.check(paths=paths, report=report, fmt=fmt, rules=rules, no_default_rules=no_default_rules,
                     fail_on=fail_on, no_rounding=no_rounding, include=include, exclude=exclude, workers=workers,
                     timeout=timeout, baseline=baseline, ignore_file=ignore_file, config_path=config_path,
                     quiet=quiet, statistics=statistics, colour=colour, no_cache=no_cache, cache_dir=cache_dir)


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
    no_cache: bool = NO_CACHE,
    cache_dir: Optional[Path] = CACHE_DIR,
) -> int:
    """记录当前的全部发现作为基线；之后用 check --baseline 只对新发现失败。"""
    return cli.make_baseline(paths=paths, output=output, rules=rules, no_default_rules=no_default_rules,
                             include=include, exclude=exclude, workers=workers, timeout=timeout,
                             config_path=config_path, no_cache=no_cache, cache_dir=cache_dir)


@app.command("ignore", cls=AuditorCommand)
def ignore_finding(
    fingerprint: str = typer.Argument(..., metavar="指纹", help="要接受的发现的指纹（见 text/JSON/SARIF 输出）"),
    reason: str = typer.Option(..., "--reason", "-r", metavar="理由", help="为什么接受这一发现"),
    expires: Optional[str] = typer.Option(None, "--expires", metavar="YYYY-MM-DD", help="到期日；过期后不再忽略"),
    by: Optional[str] = typer.Option(None, "--by", metavar="姓名", help="认可人"),
    file: Optional[Path] = typer.Option(None, "--file", metavar="文件",
                                        help="发现所在的文件；记录后，只在检查该文件时判断条目是否过时"),
    ignore_file: Optional[Path] = typer.Option(None, "--ignore-file", metavar="文件",
                                               help="忽略文件；默认取配置，否则项目根目录下的 .auditor-ignore.yaml"),
    config_path: Optional[Path] = CONFIG,
) -> int:
    """把一处发现记入忽略文件（需要理由，可设到期日）。"""
    return cli.ignore_finding(fingerprint=fingerprint, reason=reason, expires=expires, by=by, file=file,
                              ignore_file=ignore_file, config_path=config_path)


@app.command(cls=AuditorCommand)
def inspect(
    file: Path = typer.Argument(..., metavar="文件", help="要查看的报告文件"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    facts: bool = typer.Option(False, "--facts", help="列出事实库：概念、口径、期间、主体、数值、单位、精度、来源"),
) -> int:
    """显示读到的内容：元数据、各块、表格网格、表格类型与类型化数据；--facts 列出事实库。"""
    return cli.inspect(file=file, as_json=as_json, facts=facts)


@app.command("schema", cls=AuditorCommand)
def schema(which: SchemaName = typer.Argument(..., metavar="种类", help="哪种文件的 JSON Schema：rules、config、ignore 或 baseline")) -> int:
    """输出规则文件、配置、忽略文件或基线文件的 JSON Schema（供编辑器补全和检查）。"""
    return cli.schema(which)


@rules_app.command("list", cls=AuditorCommand)
def rules_list(rules: Optional[List[Path]] = typer.Option(None, "--rules", metavar="路径",
                                                          help="规则文件或文件夹")) -> int:
    """列出规则。"""
    return cli.rules_list(rules)


@rules_app.command("explain", cls=AuditorCommand)
def rules_explain(rule_id: str = typer.Argument(..., metavar="规则编号", help="如 SCO001"),
                  rules: Optional[List[Path]] = typer.Option(None, "--rules", metavar="路径",
                                                             help="规则文件或文件夹")) -> int:
    """显示规则说明和示例。"""
    return cli.rules_explain(rule_id, rules)


@rules_app.command("test", cls=AuditorCommand)
def rules_test(paths: Optional[List[Path]] = typer.Argument(None, metavar="路径...",
                                                            help="规则文件或文件夹；默认为内置规则包")) -> int:
    """运行每条规则自带的示例（fire 必须报告，quiet 不得报告）。"""
    return cli.rules_test(paths)
