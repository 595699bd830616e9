"""The declared model of rule files and its checks: each kind's parameters as a pydantic model
(`check` limited to the kind's sub-checks), scoring formulas, message templates, user regexes,
names the vocabulary must know. ruleset.py loads it only to validate files that have not been
validated before, so a run over the validated default pack imports no pydantic.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, create_model

from . import kinds
from .config_model import Tolerance
from .findings import CLASSES, SEVERITIES
from .knowledge import UnsafeInput, load_user_yaml
from .ruleset import COMMON_FIELDS, Rule
from .validation import Problem, problems, yaml_lines


ID_PATTERN = r"^[A-Z]{2,6}\d{3}$"
NAME_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
STRICT = ConfigDict(strict=True, extra="forbid")
# The values each scoring formula may name: what its sub-check supplies (kinds/score/)
FORMULA_NAMES = {"formula": ("weight", "executed", "budget", "rate"),
                 "positive_formula": ("weight", "actual", "target"),
                 "negative_formula": ("weight", "actual", "target")}
# Parameters whose values are names the shared vocabulary must know: (kind, param) -> where
VOCABULARY_PARAMS = {("restatement", "measures"): "measures", ("restatement", "per_item_concepts"): "concepts",
                     ("restatement", "per_form_concepts"): "concepts", ("restatement", "total_members"): "concepts"}
EXPECT_KEYS = {"quote": str, "stated": str, "expected": str, "class": str, "severity": str, "line": int,
               "row": int, "col": int, "table": int}


class Expect(BaseModel):
    """What a `fire` example must report."""

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)
    quote: Optional[str] = None
    message: Optional[str] = None  # words the message holds
    formula: Optional[str] = None  # words the formula holds
    stated: Optional[str] = None
    expected: Optional[str] = None
    cls: Optional[str] = Field(None, alias="class")
    severity: Optional[Literal[SEVERITIES]] = None  # type: ignore[valid-type]
    line: Optional[int] = Field(None, ge=1)
    row: Optional[int] = Field(None, ge=1)
    col: Optional[int] = Field(None, ge=1)
    table: Optional[int] = Field(None, ge=1)


class Example(BaseModel):
    model_config = STRICT
    text: str
    expect: Optional[Expect] = None
    why: Optional[str] = None


ExampleItem = Union[str, Example]


class Examples(BaseModel):
    """Texts a rule must report (fire) and must not (quiet); todo: known misses."""

    model_config = STRICT
    fire: list[ExampleItem] = Field(min_length=2)
    quiet: list[ExampleItem] = Field(min_length=2)
    todo: list[ExampleItem] = Field(default_factory=list)


class RuleBase(BaseModel):
    """One rule; `params` as its kind declares them."""

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)
    id: Annotated[str, StringConstraints(pattern=ID_PATTERN)] = Field(description="规则编号，如 SUM001")
    name: Annotated[str, StringConstraints(pattern=NAME_PATTERN)] = Field(description="短横线名称")
    title: Annotated[str, StringConstraints(min_length=1)]
    kind: str
    cls: Literal[CLASSES] = Field(alias="class")  # type: ignore[valid-type]
    severity: Literal[SEVERITIES]  # type: ignore[valid-type]
    message: Annotated[str, StringConstraints(min_length=1)]
    doc: Annotated[str, StringConstraints(min_length=1)]
    examples: Examples
    params: dict[str, Any] = Field(default_factory=dict)
    tolerance: Optional[Tolerance] = None
    applies_to: list[str] = Field(default_factory=list)
    references: Optional[list[str]] = None


def _annotation(kind_type):
    types = kind_type if isinstance(kind_type, tuple) else (kind_type,)
    return Union[types] if len(types) > 1 else types[0]  # type: ignore[return-value]


@lru_cache(maxsize=None)
def params_model(kind: str) -> type[BaseModel]:
    """The parameters of one kind, from its PARAMS: (type, default); default None means required."""
    module = kinds.get(kind)
    checks = tuple(getattr(module, "CHECKS", ()) or ())
    fields = {}
    for name, (kind_type, default) in module.PARAMS.items():
        annotation = Literal[checks] if name == "check" and checks else _annotation(kind_type)
        fields[name] = (annotation, ...) if default is None else (annotation, Field(default))
    return create_model(f"{kind}_params", __config__=STRICT, **fields)


@lru_cache(maxsize=None)
def rule_model(kind: str) -> type[BaseModel]:
    return create_model(f"{kind}_rule", __base__=RuleBase, kind=(Literal[kind], ...),
                        params=(params_model(kind), Field(default_factory=dict, validate_default=True)))


def load_file(path: Path) -> tuple[list[Rule], list[Problem]]:
    try:
        data = load_user_yaml(path)
    except UnsafeInput as exc:
        return [], [Problem(str(path), None, "file", str(exc))]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        return [], [Problem(str(path), line, "yaml", f"YAML 语法错误：{getattr(exc, 'problem', exc)}")]
    except OSError as exc:
        return [], [Problem(str(path), None, "file", f"无法读取：{exc.strerror}")]
    listed = isinstance(data, dict) and "rules" in data
    entries = data["rules"] if listed else [data] if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [Problem(str(path), 1, "rules", "文件应为一条规则（映射）或 rules: 列表")]
    rules, found = [], []
    for i, entry in enumerate(entries):
        rule, wrong = _rule(path, entry, ("rules", i) if listed else ())
        found.extend(wrong)
        if rule is not None:
            rules.append(rule)
    if found:
        lines = yaml_lines(path)
        found = sorted((_placed(p, lines) for p in found), key=lambda p: p.line or 0)
    return rules, found


def _placed(problem: Problem, lines: dict) -> Problem:
    if problem.line is not None or not isinstance(problem, _Pending):
        return problem
    from .validation import line_of

    return Problem(problem.path, line_of(lines, problem.loc), problem.key, problem.message, problem.rule)


@dataclass(frozen=True)
class _Pending(Problem):
    """A problem whose line is looked up only when a file has problems (composing is slow)."""

    loc: tuple = ()


def _rule(path: Path, entry, prefix: tuple) -> tuple[Rule | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [_Pending(str(path), None, "rules", "每条规则应为映射", None, prefix)]
    rule_id = entry.get("id") if isinstance(entry.get("id"), str) else None
    kind = entry.get("kind")
    if not isinstance(kind, str) or kind not in kinds.KIND_MODULES:
        model = RuleBase
        found = [_Pending(str(path), None, "kind", f"值「{kind}」无效，应为 {', '.join(kinds.names())} 之一",
                          rule_id, prefix + ("kind",))]
    else:
        model, found = rule_model(kind), []
    try:
        validated = model.model_validate(entry)
    except ValidationError as exc:
        semantic = semantic_problems(path, prefix, rule_id, entry) if isinstance(kind, str) and kind in kinds.KIND_MODULES \
            else []
        return None, found + _pending(exc, model, path, prefix, rule_id) + semantic
    if found:
        return None, found
    found = semantic_problems(path, prefix, rule_id, entry, validated.params.model_dump())
    if found:
        return None, found
    return Rule(id=validated.id, name=validated.name, title=validated.title, kind=validated.kind,
                cls=validated.cls, severity=validated.severity, message=validated.message,
                doc=validated.doc, examples=entry["examples"], params=validated.params.model_dump(),
                tolerance=entry.get("tolerance") or {}, applies_to=list(validated.applies_to),
                path=str(path)), []


def _pending(exc: ValidationError, model, path: Path, prefix: tuple, rule_id) -> list[Problem]:
    placed = problems(exc, model, path, {}, rule=rule_id)
    return [_Pending(p.path, None, p.key, p.message, p.rule, prefix + tuple(e["loc"]))
            for p, e in zip(placed, exc.errors())]


def semantic_problems(path: Path, prefix: tuple, rule_id, entry: dict, params: dict | None = None) -> list[Problem]:
    """What a model cannot say: message placeholders, a sub-check's own rules, formulas.

    `params` are the validated parameters; without them (the entry has other errors) only
    what can be judged on the raw entry is checked."""
    module = kinds.get(entry["kind"])
    found = []
    problem = _message_problem(module, entry["message"]) if isinstance(entry.get("message"), str) else None
    if problem:
        found.append(_Pending(str(path), None, "message", problem, rule_id, prefix + ("message",)))
    problem = _regex_problems(params) if params is not None else None
    if problem:
        found.append(_Pending(str(path), None, f"params.{problem[0]}", problem[1], rule_id,
                              prefix + ("params", problem[0])))
        return found
    problem = module.validate(params) if params is not None and hasattr(module, "validate") else None
    if problem:
        found.append(_Pending(str(path), None, "params", problem, rule_id, prefix + ("params",)))
    raw = entry.get("params") if isinstance(entry.get("params"), dict) else {}
    found += [_Pending(str(path), None, key, problem, rule_id, prefix + tuple(key.split(".")))
              for key, problem in _unknown_labels(entry, raw)]
    for name, allowed in FORMULA_NAMES.items():
        if entry["kind"] == "score" and isinstance(raw.get(name), str):
            problem = _formula_problem(raw[name], allowed)
            if problem:
                found.append(_Pending(str(path), None, f"params.{name}", problem, rule_id,
                                      prefix + ("params", name)))
    return found


# Parameters whose values are regular expressions, by name (kinds/*.py PARAMS)
REGEX_PARAM_NAMES = {"regex", "exclude", "not_after", "empty_statement", "date_context"}
MAX_REGEX_CHARS = 1000
MAX_REGEX_REPEAT = 1000


def _is_regex_param(name: str) -> bool:
    return name in REGEX_PARAM_NAMES or name.endswith("_pattern")


def _regex_problems(params: dict) -> tuple[str, str] | None:
    """The first regex parameter that does not compile, is too long, or could backtrack
    catastrophically (a repetition inside a repetition, such as (a+)+ or (\\d{1,3})*)."""
    for name in sorted(params):
        if not _is_regex_param(name):
            continue
        value = params[name]
        for pattern in value if isinstance(value, list) else [value]:
            if isinstance(pattern, str):
                problem = regex_problem(pattern)
                if problem:
                    return name, problem
    return None


def regex_problem(pattern: str) -> str | None:
    """Why a user regex is refused, or None. Checked at load so that no rule can hang a run."""
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore[no-redef]

    if len(pattern) > MAX_REGEX_CHARS:
        return f"正则表达式过长（超出限制 {MAX_REGEX_CHARS} 字符）"
    try:
        tree = sre_parse.parse(pattern)
        re.compile(pattern)
    except (re.error, OverflowError, RecursionError, ValueError) as exc:
        return f"正则表达式无效（{pattern[:80]}）：{exc}"
    problem = _backtracking(tree, sre_parse, False)
    return f"正则表达式（{pattern[:80]}）{problem}" if problem else None


def _backtracking(items, sre, inside: bool) -> str | None:
    """A repetition of a variable-length repetition is refused (exponential backtracking);
    so is a repeat count above MAX_REGEX_REPEAT."""
    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT) + ((sre.POSSESSIVE_REPEAT,) if hasattr(sre, "POSSESSIVE_REPEAT") else ())
    for op, av in items:
        if op in repeats:
            low, high, body = av
            bounded = high != sre.MAXREPEAT
            if (bounded and high > MAX_REGEX_REPEAT) or low > MAX_REGEX_REPEAT:
                return f"重复次数过大（超出限制 {MAX_REGEX_REPEAT}）"
            variable = high != low and high > 1
            if inside and variable:
                return "含嵌套的可变重复（如 (a+)+），可能灾难性回溯；请改写"
            problem = _backtracking(body, sre, inside or high > 1)
            if problem:
                return problem
        elif op is sre.SUBPATTERN:
            problem = _backtracking(av[-1], sre, inside)
            if problem:
                return problem
        elif op is sre.BRANCH:
            for branch in av[1]:
                problem = _backtracking(branch, sre, inside)
                if problem:
                    return problem
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            problem = _backtracking(av[1], sre, inside)
            if problem:
                return problem
        elif op is sre.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    problem = _backtracking(branch, sre, inside)
                    if problem:
                        return problem
        elif hasattr(sre, "ATOMIC_GROUP") and op is sre.ATOMIC_GROUP:
            problem = _backtracking(av, sre, inside)
            if problem:
                return problem
    return None


def _unknown_labels(entry: dict, params: dict) -> list[tuple[str, str]]:
    """Names a rule uses that the vocabulary does not know: such a rule would never fire."""
    from .knowledge import concepts, vocabulary

    found = []
    applies = entry.get("applies_to")
    known_types = [t["name"] for t in vocabulary()["report_types"]]
    for name in applies if isinstance(applies, list) else []:
        if name not in known_types:
            found.append(("applies_to", f"报告类型「{name}」不在词表中（可用：{'、'.join(known_types)}）"))
    for (kind, param), section in VOCABULARY_PARAMS.items():
        values = params.get(param) if entry.get("kind") == kind else None
        known = concepts()[section]
        for name in values if isinstance(values, list) else []:
            if name not in known:
                found.append((f"params.{param}", f"「{name}」不在词表 rules/concepts.yaml 的 {section} 中，"
                                                 f"规则永远不会报告"))
    return found


MAX_MESSAGE_CHARS = 2000
FIELD_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _message_problem(module, message: str) -> str | None:
    """Only plain `{name}` fields: no format spec (`{x:>99999}`), conversion, index or attribute."""
    allowed = COMMON_FIELDS | set(module.MESSAGE_FIELDS)
    if len(message) > MAX_MESSAGE_CHARS:
        return f"模板过长（超出限制 {MAX_MESSAGE_CHARS} 字符）"
    names = set()
    try:
        for _, name, spec, conversion in string.Formatter().parse(message):
            if name is None:
                continue
            if spec or conversion or not FIELD_RE.match(name):
                shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
                return f"占位符 {{{shown}}} 无效：只允许 {{名称}} 形式（不带格式、转换、下标或属性）"
            names.add(name)
    except ValueError as exc:
        return f"模板格式错误：{exc}"
    unknown = names - allowed
    if unknown:
        return f"未知占位符 {{{sorted(unknown)[0]}}}（可用：{', '.join(sorted(allowed))}）"
    return None


def _formula_problem(formula: str, allowed: tuple) -> str | None:
    from .facts.formula import FormulaError, evaluate, names

    unknown = sorted(names(formula) - set(allowed))
    if unknown:
        return f"公式「{formula}」含未知变量 {', '.join(unknown)}（可用：{', '.join(allowed)}）"
    try:
        evaluate(formula, {n: Decimal(1) for n in allowed})
    except FormulaError as exc:
        return f"公式「{formula}」无法计算：{exc}"
    return None


def rule_file_schema() -> dict:
    """JSON Schema of a rule file: one rule, or `rules:` a list of them; params by kind."""
    from pydantic import TypeAdapter

    one = Annotated[Union[tuple(rule_model(k) for k in kinds.names())], Field(discriminator="kind")]
    pack = create_model("rule_pack", __config__=STRICT, rules=(list[one], ...))
    schema = TypeAdapter(Union[one, pack]).json_schema(by_alias=True)
    schema["title"] = "auditor 规则文件"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
