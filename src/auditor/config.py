"""Project configuration: `.auditor.yaml`, or `[tool.auditor]` in pyproject.toml.

    disable: [PER001]                 # rules not to run
    severity: {STR001: info}          # severity overrides
    ignore_paths: ["drafts/**"]       # files not to audit (globs)
    tolerance: {SUM001: {absolute: 0.05}}
    rules: [extra-rules/]             # rules added to the default pack (relative to the file)
    default_rules: true               # false: only the rules above
    params: {SCO001: {formula: "weight * executed / budget"}}  # per-rule parameter overrides
    rounding: true                    # report rounding tails as info
    fail_on: error
    ignore_file: .auditor-ignore.yaml # sidecar suppressions
    baseline: auditor-baseline.json
    vocabulary:                       # words added to the fact vocabulary (rules/concepts.yaml)
      concepts: {本年支出: [本年度支出总计], 培训费: [培训费, 培训支出]}
      calculations: [{total: 三公经费, parts: [因公出国（境）费, 公务用车购置及运行维护费, 公务接待费, 会议费]}]

The file is checked against `config_model.ConfigFile`; every mistake is reported at once, with its line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .knowledge import MAX_USER_FILE_BYTES, UnsafeInput, load_yaml, read_user_file
from .validation import FileProblems, Problem, line_of, problems, yaml_lines


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    disable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    ignore_paths: list[str] = field(default_factory=list)
    tolerance: dict[str, dict] = field(default_factory=dict)
    rules: list[Path] = field(default_factory=list)
    default_rules: bool = True
    params: dict[str, dict] = field(default_factory=dict)
    rounding: bool = True
    fail_on: str = "error"
    ignore_file: Path | None = None
    baseline: Path | None = None
    vocabulary: dict = field(default_factory=dict)  # additions to rules/concepts.yaml, as plain data
    lines: dict = field(default_factory=dict)  # key path -> line in the file, for later messages

    def unknown_rules(self, known: set[str]) -> list[Problem]:
        """Rule ids the config names that no loaded rule has."""
        found = []
        for key in ("disable", "severity", "tolerance"):
            ids = getattr(self, key)
            for i, rule_id in enumerate(ids):
                if rule_id not in known:
                    loc = (key, i) if key == "disable" else (key, rule_id)
                    found.append(Problem(str(self.path), line_of(self.lines, loc), f"{key}",
                                         f"没有规则 {rule_id}（用 auditor rules list 查看可用的规则编号）"))
        return found


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config in the current folder or its parents, up to the git root (as ruff does)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for candidate in (folder / ".auditor.yaml", folder / ".auditor.yml", folder / "pyproject.toml"):
            if candidate.is_file() and (candidate.suffix != ".toml" or "[tool.auditor]" in _peek(candidate)):
                return candidate
        if (folder / ".git").exists():
            return None
    return None


def _peek(path: Path) -> str:
    """A pyproject.toml's text for a look at its sections ('' when it cannot be read safely)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_USER_FILE_BYTES).decode("utf-8", errors="ignore")
    except OSError:
        return ""


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read(path)
    lines = _toml_lines(path) if path.suffix == ".toml" else yaml_lines(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: 配置应为映射（键: 值）")
    from pydantic import ValidationError

    from .config_model import ConfigFile

    try:
        model = ConfigFile.model_validate(data)
    except ValidationError as exc:
        raise FileProblems(problems(exc, ConfigFile, path, lines)) from None
    additions = model.vocabulary.model_dump(exclude_defaults=True)
    wrong = vocabulary_problems(additions, path, lines)
    if wrong:
        raise FileProblems(wrong)
    return _config(path, model, lines, additions)


def _config(path: Path, model, lines: dict, additions: dict) -> Config:
    base = path.parent
    ignore_file = base / model.ignore_file if model.ignore_file else None
    if ignore_file is None and (base / ".auditor-ignore.yaml").is_file():
        ignore_file = base / ".auditor-ignore.yaml"
    return Config(
        path=path, disable=[x.upper() for x in model.disable],
        severity={k.upper(): v for k, v in model.severity.items()},
        ignore_paths=list(model.ignore_paths),
        tolerance={k.upper(): v.model_dump(exclude_none=True) for k, v in model.tolerance.items()},
        rules=[base / p for p in model.rules], default_rules=model.default_rules, params=dict(model.params),
        rounding=model.rounding, fail_on=model.fail_on,
        ignore_file=ignore_file, baseline=base / model.baseline if model.baseline else None,
        vocabulary=additions, lines=lines)


def _read(path: Path):
    try:
        text = read_user_file(path)
    except UnsafeInput as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if path.suffix == ".toml":
        import tomllib

        try:
            return tomllib.loads(text).get("tool", {}).get("auditor", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: TOML 语法错误：{exc}") from exc
    try:
        return load_yaml(text) or {}
    except UnsafeInput as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: YAML 语法错误：{getattr(exc, 'problem', exc)}") from exc


def _toml_lines(path: Path) -> dict[tuple, int]:
    """Lines of the top-level keys of [tool.auditor] (tomllib keeps no positions)."""
    lines, inside = {}, False
    try:
        text = read_user_file(path)
    except UnsafeInput:
        return {}
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[([^\]]+)\]", line)
        if header:
            inside = header.group(1).strip() == "tool.auditor"
            continue
        key = re.match(r"\s*([A-Za-z_][\w-]*)\s*=", line)
        if inside and key:
            lines.setdefault((key.group(1),), number)
    return lines


def vocabulary_problems(additions: dict, path: Path | str, lines: dict) -> list[Problem]:
    """What the config's vocabulary additions get wrong against the shipped vocabulary: a word that
    already names something else (the longest-match reader would take it for the first), a measure
    or rate kind no rule knows, a calculation, rate or fund mapping over concepts nobody defined."""
    from .knowledge import base_concepts, compact, merge_vocabulary

    base = base_concepts()
    merged = merge_vocabulary(base, additions)
    found: list[Problem] = []

    def problem(loc: tuple, message: str) -> None:
        found.append(Problem(str(path), line_of(lines, ("vocabulary", *loc)), "vocabulary." + ".".join(map(str, loc)),
                             message))

    for section in ("measures", "rate_measures"):
        for key in additions.get(section, {}):
            if key not in base[section]:
                problem((section, key), f"「{key}」不是已有的类别，规则不会用到它（可用：{'、'.join(base[section])}）")
    for section in ("concepts", "measures", "funds", "rate_measures", "directions"):
        owner = {compact(w): key for key, words in base.get(section, {}).items() for w in words}
        for key, words in additions.get(section, {}).items():
            for i, word in enumerate(words):
                other = owner.setdefault(compact(word), key)
                if other != key:
                    problem((section, key, i), f"「{word}」已是「{other}」的写法，不能再指「{key}」")
    known = set(merged["concepts"])

    def concept(loc: tuple, name: str) -> None:
        if name not in known:
            problem(loc, f"概念「{name}」不在词表中（先在 vocabulary.concepts 中定义它）")

    for i, name in enumerate(additions.get("not_money", [])):
        concept(("not_money", i), name)
    for i, calc in enumerate(additions.get("calculations", [])):
        concept(("calculations", i, "total"), calc["total"])
        for key in ("parts", "optional"):
            for j, name in enumerate(calc.get(key, [])):
                concept(("calculations", i, key, j), name)
        for part, members in calc.get("alternatives", {}).items():
            for name in (part, *members):
                concept(("calculations", i, "alternatives", part), name)
    for i, rate in enumerate(additions.get("row_rates", [])):
        # (a rate's terms are concepts, or measures of the row's figures: 决算 ÷ 全年预算)
        terms = [((key,), rate[key]) for key in ("numerator", "denominator")]
        terms += [(("numerator_alternatives", j), name) for j, name in enumerate(rate.get("numerator_alternatives", []))]
        for where, name in terms:
            if name not in merged["measures"]:
                concept(("row_rates", i, *where), name)
    for fund, mapping in additions.get("fund_qualified", {}).items():
        if fund not in merged["funds"]:
            problem(("fund_qualified", fund), f"「{fund}」不是词表中的资金来源（可用：{'、'.join(merged['funds'])}）")
        for generic, specific in mapping.items():
            concept(("fund_qualified", fund, generic), generic)
            concept(("fund_qualified", fund, generic), specific)
    return found
