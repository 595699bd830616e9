"""Command line: check, inspect, rules. Heavy modules are imported inside commands."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="auditor：检查预决算与绩效自评报告的内部不一致。")
rules_app = typer.Typer(no_args_is_help=True, help="查看和测试规则。")
app.add_typer(rules_app, name="rules")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
DEFAULT_REPORT_DIR = Path("reports")


def _load_rules(paths: Optional[List[Path]]):
    from .ruleset import RuleFileError, load_rules

    try:
        return load_rules(paths or None)
    except RuleFileError as exc:
        typer.echo(f"规则文件错误：{exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None


def _settings(config_path: Optional[Path]):
    from .config import ConfigError, find_config, load_config

    try:
        return load_config(config_path or find_config())
    except (ConfigError, OSError) as exc:
        typer.echo(f"配置错误：{exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None


def _audit(paths, config, rules, include, exclude, workers, timeout, no_rounding):
    """Load rules, collect files and audit them: the shared work of `check` and `baseline`."""
    from dataclasses import replace

    from . import batch
    from .engine import Options

    rule_list = [replace(r, tolerance=config.tolerance.get(r.id, r.tolerance))
                 for r in _load_rules(rules or config.rules or None)]
    files = [f for f in batch.collect_files(paths, include, exclude) if not config.ignored(f)]
    if not files:
        typer.echo("没有找到可检查的文件", err=True)
        raise typer.Exit(EXIT_USAGE)
    options = Options(report_rounding=config.rounding and not no_rounding,
                      disabled=frozenset(config.disable), severities=dict(config.severity))
    return rule_list, batch.run(files, rule_list, options, workers or batch.default_workers(), timeout)


PATHS = typer.Argument(..., help="报告文件或文件夹（递归查找）")
RULES = typer.Option(None, "--rules", help="规则文件或文件夹（可重复），替换默认规则包")
INCLUDE = typer.Option(None, "--include", help="只检查匹配的文件（glob，可重复）")
EXCLUDE = typer.Option(None, "--exclude", help="跳过匹配的文件（glob，可重复）")
WORKERS = typer.Option(0, "--workers", "-j", help="并行进程数；默认为 CPU 核数")
TIMEOUT = typer.Option(120, "--timeout", help="单个文件的处理时限（秒），0 表示不限")
CONFIG = typer.Option(None, "--config", help="配置文件（.auditor.yaml 或 pyproject.toml）；默认在当前目录查找")


@app.command()
def check(
    paths: List[Path] = PATHS,
    report: Optional[Path] = typer.Option(None, "--report", "-o",
                                          help="报告输出路径；默认写入 reports/（text 格式默认输出到终端）"),
    fmt: str = typer.Option("html", "--format", "-f", help="报告格式：html、json、sarif、junit 或 text"),
    rules: Optional[List[Path]] = RULES,
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="达到该级别的发现使退出码为 1：error/warning/info"),
    no_rounding: bool = typer.Option(False, "--no-rounding", help="不报告尾数误差提示"),
    include: Optional[List[str]] = INCLUDE,
    exclude: Optional[List[str]] = EXCLUDE,
    workers: int = WORKERS,
    timeout: float = TIMEOUT,
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="基线文件：其中已有的发现不再使检查失败"),
    ignore_file: Optional[Path] = typer.Option(None, "--ignore-file", help="忽略文件（默认 .auditor-ignore.yaml）"),
    config_path: Optional[Path] = CONFIG,
) -> None:
    """检查报告并写出检查结果。退出码：0 无问题，1 有达到 --fail-on 的新发现，2 用法、配置或规则错误，3 有文件无法读取。"""
    from . import suppressions
    from .findings import SEVERITY_RANK
    from .report import FORMATS, SUFFIX, render

    config = _settings(config_path)
    fail_on = fail_on or config.fail_on
    if fmt not in FORMATS:
        typer.echo(f"不支持的格式：{fmt}（可用：{', '.join(FORMATS)}）", err=True)
        raise typer.Exit(EXIT_USAGE)
    if fail_on not in SEVERITY_RANK:
        typer.echo("--fail-on 应为 error、warning 或 info", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        ignore = suppressions.load_ignore(ignore_file or config.ignore_file or _default_ignore())
        known = suppressions.load_baseline(baseline or config.baseline)
    except suppressions.SuppressionError as exc:
        typer.echo(f"忽略/基线文件错误：{exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    rule_list, results = _audit(paths, config, rules, include, exclude, workers, timeout, no_rounding)
    for notice in suppressions.apply(results, ignore, known):
        typer.echo(notice, err=True)
    if fmt == "text" and report is None:
        typer.echo(render(fmt, results, rule_list, colour=sys.stdout.isatty()), nl=False)
    else:
        target = report or DEFAULT_REPORT_DIR / f"auditor-report{SUFFIX[fmt]}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(fmt, results, rule_list), encoding="utf-8")
        _print_summary(results, target)
    raise typer.Exit(_exit_code(results, SEVERITY_RANK[fail_on]))


def _default_ignore() -> Optional[Path]:
    path = Path(".auditor-ignore.yaml")
    return path if path.is_file() else None


@app.command("baseline")
def make_baseline(
    paths: List[Path] = PATHS,
    output: Path = typer.Option(Path("auditor-baseline.json"), "--output", "-o", help="基线文件路径"),
    rules: Optional[List[Path]] = RULES,
    include: Optional[List[str]] = INCLUDE,
    exclude: Optional[List[str]] = EXCLUDE,
    workers: int = WORKERS,
    timeout: float = TIMEOUT,
    config_path: Optional[Path] = CONFIG,
) -> None:
    """记录当前的全部发现作为基线；之后用 check --baseline 只对新发现失败。"""
    from . import suppressions

    config = _settings(config_path)
    _, results = _audit(paths, config, rules, include, exclude, workers, timeout, False)
    count = suppressions.write_baseline(results, output)
    typer.echo(f"已记录 {count} 处发现到基线 {output}")


def _exit_code(results, threshold: int) -> int:
    from .findings import SEVERITY_RANK

    if any(r.error for r in results):
        return EXIT_UNREADABLE
    if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings if f.status == "new"):
        return EXIT_FINDINGS
    return EXIT_OK


def _print_summary(results, target: Path) -> None:
    from .report.summary import summarize

    s = summarize(results)
    sev = s["by_severity"]
    typer.echo(f"检查 {s['files']} 个文件：错误 {sev['error']}，警告 {sev['warning']}，提示 {sev['info']}；"
               f"读取失败 {s['failed']}。报告：{target}")
    for r in results:
        if r.error:
            typer.echo(f"  无法读取 {r.path}：{r.error}", err=True)


@app.command()
def inspect(
    file: Path = typer.Argument(..., help="要查看的报告文件"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    facts: bool = typer.Option(False, "--facts", help="列出事实库：概念、口径、期间、主体、数值、单位、精度、来源"),
) -> None:
    """显示读到的内容：元数据、各块、表格网格、表格类型与类型化数据；--facts 列出事实库。"""
    from .ingest import ReadError, load
    from .inspection import describe, to_json

    try:
        doc = load(file)
    except ReadError as exc:
        typer.echo(f"无法读取 {file}：{exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    if facts:
        from .inspection import describe_facts

        typer.echo(describe_facts(doc, as_json))
        return
    typer.echo(to_json(doc) if as_json else describe(doc))


@rules_app.command("list")
def rules_list(rules: Optional[List[Path]] = typer.Option(None, "--rules", help="规则文件或文件夹")) -> None:
    """列出规则。"""
    for rule in _load_rules(rules):
        typer.echo(f"{rule.id}\t{rule.severity}\t{rule.cls}\t{rule.kind}\t{rule.title}")


@rules_app.command("explain")
def rules_explain(rule_id: str, rules: Optional[List[Path]] = typer.Option(None, "--rules")) -> None:
    """显示规则说明和示例。"""
    found = [r for r in _load_rules(rules) if r.id == rule_id.upper()]
    if not found:
        typer.echo(f"没有规则 {rule_id}", err=True)
        raise typer.Exit(EXIT_USAGE)
    rule = found[0]
    typer.echo(f"{rule.id} {rule.name}：{rule.title}\n类型 {rule.kind} · 类别 {rule.cls} · 级别 {rule.severity}\n")
    typer.echo(rule.doc.rstrip())
    for kind, label in (("fire", "应报告的示例"), ("quiet", "不应报告的示例")):
        typer.echo(f"\n## {label}")
        for example in rule.examples[kind]:
            from .examples import example_parts

            text, expect = example_parts(example)
            shown = "".join(f"\n（应报告：{k} = {v}）" for k, v in expect.items())
            typer.echo("---\n" + text.rstrip() + shown)


@rules_app.command("test")
def rules_test(paths: Optional[List[Path]] = typer.Argument(None, help="规则文件或文件夹；默认为内置规则包")) -> None:
    """运行每条规则自带的示例（fire 必须报告，quiet 不得报告）。"""
    from .examples import run_examples

    failures, total = 0, 0
    for rule in _load_rules(paths):
        for result in run_examples(rule):
            total += 1
            if not result.passed:
                failures += 1
                typer.echo(f"FAIL {result.rule} {result.kind} #{result.index}: {result.detail}")
    typer.echo(f"{total - failures} passed, {failures} failed")
    raise typer.Exit(1 if failures else 0)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
