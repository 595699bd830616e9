"""Load and validate rule files (rules/**/*.yaml). A bad file names file, rule id and field."""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import kinds
from .findings import CLASSES, SEVERITIES
from .knowledge import default_rules_dir, load_yaml

ID_RE = re.compile(r"^[A-Z]{2,6}\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("id", "name", "title", "kind", "class", "severity", "message", "doc", "examples")
OPTIONAL = ("params", "tolerance", "applies_to", "references")
COMMON_FIELDS = {"stated", "expected", "formula", "quote"}
NOT_RULE_FILES = {"vocabulary.yaml", "concepts.yaml"}


class RuleFileError(Exception):
    def __init__(self, path, rule_id, field_name, problem):
        self.path, self.rule_id, self.field, self.problem = str(path), rule_id, field_name, problem
        super().__init__(f"{path}: 规则 {rule_id or '?'}: 字段 {field_name}: {problem}")


@dataclass
class Rule:
    id: str
    name: str
    title: str
    kind: str
    cls: str
    severity: str
    message: str
    doc: str
    examples: dict
    params: dict = field(default_factory=dict)
    tolerance: dict = field(default_factory=dict)
    applies_to: list = field(default_factory=list)
    path: str = ""

    @property
    def module(self):
        return kinds.get(self.kind)


def rule_files(paths: list[str | Path] | None = None) -> list[Path]:
    roots = [Path(p) for p in paths] if paths else [default_rules_dir()]
    files: list[Path] = []
    for root in roots:
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files.extend(p for p in sorted(root.rglob("*.yaml")) if p.name not in NOT_RULE_FILES)
        else:
            raise RuleFileError(root, None, "path", "规则路径不存在")
    return files


def load_rules(paths: list[str | Path] | None = None) -> list[Rule]:
    """Rules from files or folders; `paths` replaces the default pack when given."""
    rules: dict[str, Rule] = {}
    for path in rule_files(paths):
        for rule in _load_file(path):
            if rule.id in rules:
                raise RuleFileError(path, rule.id, "id", f"与 {rules[rule.id].path} 中的规则重复")
            rules[rule.id] = rule
    return sorted(rules.values(), key=lambda r: r.id)


def _load_file(path: Path) -> list[Rule]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = load_yaml(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行" if mark else ""
        raise RuleFileError(path, None, "yaml", f"YAML 语法错误{where}：{getattr(exc, 'problem', exc)}") from exc
    except OSError as exc:
        raise RuleFileError(path, None, "file", f"无法读取：{exc.strerror}") from exc
    entries = data.get("rules", [data]) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RuleFileError(path, None, "rules", "文件应为一条规则（映射）或 rules: 列表")
    return [_rule(path, entry) for entry in entries]


def _rule(path: Path, entry) -> Rule:
    if not isinstance(entry, dict):
        raise RuleFileError(path, None, "rules", "每条规则应为映射")
    rule_id = entry.get("id")
    for key in REQUIRED:
        if key not in entry or entry[key] in (None, ""):
            raise RuleFileError(path, rule_id, key, "缺少必填字段")
    unknown = set(entry) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise RuleFileError(path, rule_id, sorted(unknown)[0], "未知字段")
    _check(path, rule_id, "id", ID_RE.match(str(rule_id)), "应为大写字母加三位数字，如 SUM001")
    _check(path, rule_id, "name", NAME_RE.match(str(entry["name"])), "应为小写短横线格式，如 total-mismatch")
    _check(path, rule_id, "severity", entry["severity"] in SEVERITIES, f"应为 {'/'.join(SEVERITIES)} 之一")
    _check(path, rule_id, "class", entry["class"] in CLASSES, f"未知类别，应为 {', '.join(CLASSES)} 之一")
    try:
        module = kinds.get(entry["kind"])
    except KeyError:
        raise RuleFileError(path, rule_id, "kind", f"未知规则类型，应为 {', '.join(kinds.names())} 之一") from None
    params = _params(path, rule_id, module, entry.get("params") or {})
    _check_message(path, rule_id, module, entry["message"])
    _check_examples(path, rule_id, entry["examples"])
    return Rule(id=rule_id, name=entry["name"], title=entry["title"], kind=entry["kind"],
                cls=entry["class"], severity=entry["severity"], message=entry["message"],
                doc=entry["doc"], examples=entry["examples"], params=params,
                tolerance=entry.get("tolerance") or {}, applies_to=entry.get("applies_to") or [],
                path=str(path))


def _check(path, rule_id, field_name, ok, problem) -> None:
    if not ok:
        raise RuleFileError(path, rule_id, field_name, problem)


def _params(path, rule_id, module, given: dict) -> dict:
    if not isinstance(given, dict):
        raise RuleFileError(path, rule_id, "params", "应为映射")
    spec = module.PARAMS
    unknown = set(given) - set(spec)
    if unknown:
        raise RuleFileError(path, rule_id, f"params.{sorted(unknown)[0]}",
                            f"类型 {module.KIND} 没有此参数（可用：{', '.join(sorted(spec))}）")
    params = {}
    for name, (kind_type, default) in spec.items():
        value = given.get(name, default)
        if value is None and default is None and name not in given:
            raise RuleFileError(path, rule_id, f"params.{name}", "缺少必填参数")
        if value is not None and not isinstance(value, kind_type):
            raise RuleFileError(path, rule_id, f"params.{name}", f"类型应为 {_type_name(kind_type)}")
        params[name] = value
    problem = module.validate(params) if hasattr(module, "validate") else None
    if problem:
        raise RuleFileError(path, rule_id, "params", problem)
    return params


def _type_name(kind_type) -> str:
    names = kind_type if isinstance(kind_type, tuple) else (kind_type,)
    return "/".join(t.__name__ for t in names)


def _check_message(path, rule_id, module, message: str) -> None:
    allowed = COMMON_FIELDS | set(module.MESSAGE_FIELDS)
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(message) if f}
    except ValueError as exc:
        raise RuleFileError(path, rule_id, "message", f"模板格式错误：{exc}") from exc
    unknown = names - allowed
    if unknown:
        raise RuleFileError(path, rule_id, "message",
                            f"未知占位符 {{{sorted(unknown)[0]}}}（可用：{', '.join(sorted(allowed))}）")


def _check_examples(path, rule_id, examples) -> None:
    if not isinstance(examples, dict):
        raise RuleFileError(path, rule_id, "examples", "应为 {fire: [...], quiet: [...]}")
    unknown = set(examples) - {"fire", "quiet", "todo"}
    if unknown:
        raise RuleFileError(path, rule_id, f"examples.{sorted(unknown)[0]}", "未知字段（可用：fire, quiet, todo）")
    for key in ("fire", "quiet", "todo"):
        items = examples.get(key, [] if key == "todo" else None)
        if not isinstance(items, list) or (key != "todo" and len(items) < 2):
            raise RuleFileError(path, rule_id, f"examples.{key}", "至少需要两个文本示例")
        for k, item in enumerate(items):
            _check_example(path, rule_id, f"examples.{key}[{k}]", item)


EXPECT_KEYS = {"quote": str, "stated": str, "expected": str, "class": str, "line": int, "row": int,
               "col": int, "table": int}


def _check_example(path, rule_id, where, item) -> None:
    if isinstance(item, str):
        return
    if not isinstance(item, dict) or not isinstance(item.get("text"), str) or set(item) - {"text", "expect", "why"}:
        raise RuleFileError(path, rule_id, where, "示例应为文本，或 {text, expect} 映射")
    for key, value in (item.get("expect") or {}).items():
        if key not in EXPECT_KEYS or not isinstance(value, EXPECT_KEYS[key]):
            raise RuleFileError(path, rule_id, f"{where}.expect.{key}",
                                f"未知断言或类型错误（可用：{', '.join(sorted(EXPECT_KEYS))}）")
