"""Declared models for the files people write (rules, config, ignore file, baseline): shared tools.

Every file is checked against a pydantic model; all its errors are reported at once, each as
one Chinese line naming the file, the line where the YAML says it, the key and what is allowed.
"""
from __future__ import annotations

import typing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:  # pydantic loads only when a file is checked (a run without a config needs none)
    from pydantic import ValidationError

TYPE_ZH = {"bool": "布尔值（true/false）", "float": "数字", "int": "整数", "list": "列表", "dict": "映射",
           "string": "文本", "date": "日期（YYYY-MM-DD）", "model": "映射"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where, which key, what."""

    path: str
    line: int | None
    key: str
    message: str
    rule: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        rule = f"规则 {self.rule}：" if self.rule else ""
        key = f"{self.key}：" if self.key else ""
        return f"{where}: {rule}{key}{self.message}"


class FileProblems(Exception):
    """Every problem found in one or more files."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def yaml_lines(path: Path) -> dict[tuple, int]:
    """1-based line of every key and list item in a YAML file, by its path of keys and indexes."""
    from .knowledge import UnsafeInput, check_yaml_shape, read_user_file

    try:
        text = read_user_file(path)
        check_yaml_shape(text)
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnsafeInput, RecursionError, yaml.YAMLError):
        return {}
    lines: dict[tuple, int] = {}
    _walk(root, (), lines)
    return lines


def _walk(node, prefix: tuple, lines: dict) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here = prefix + (key.value,)
            lines[here] = key.start_mark.line + 1
            _walk(value, here, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[prefix + (i,)] = item.start_mark.line + 1
            _walk(item, prefix + (i,), lines)


def line_of(lines: dict[tuple, int], loc: tuple) -> int | None:
    """The line of the deepest part of `loc` the file states (a missing key: its parent's line)."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def problems(exc: ValidationError, model, path: Path | str, lines: dict, prefix: tuple = (),
             rule: str | None = None, skip: int = 0) -> list[Problem]:
    """Chinese problems from a pydantic error, positioned by `lines` (keys under `prefix`)."""
    found = []
    for error in exc.errors():
        loc = tuple(error["loc"])[skip:]
        key = key_name(loc)
        found.append(Problem(str(path), line_of(lines, prefix + loc), key, explain(error, model, loc), rule))
    return found


def key_name(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def explain(error: dict, model, loc: tuple) -> str:
    """What went wrong, in Chinese, with the allowed values or keys."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "missing":
        return "缺少必填字段"
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, loc[:-1])
        return "未知字段" + (f"（可用：{', '.join(allowed)}）" if allowed else "")
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("' or '", "', '").replace("', '", "、").strip("'")
        return f"值「{value}」无效，应为 {expected} 之一"
    if kind in ("union_tag_invalid",):
        expected = str(ctx.get("expected_tags", "")).replace("'", "").replace(", ", "、")
        return f"值「{ctx.get('tag')}」无效，应为 {expected} 之一"
    if kind == "string_pattern_mismatch":
        return f"值「{value}」格式不符（应匹配 {ctx.get('pattern')}）"
    if kind in ("greater_than_equal", "greater_than", "less_than", "less_than_equal"):
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than": "<", "less_than_equal": "≤"}[kind]
        bound = next(iter(ctx.values()), "")
        return f"值「{value}」超出范围，应 {sign} {bound}"
    if kind in ("too_short", "too_long"):
        return f"元素个数不符：至少 {ctx.get('min_length', '?')} 个" if kind == "too_short" else "元素过多"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    base = kind.split("_")[0]
    if base in TYPE_ZH and kind.endswith(("_type", "_parsing", "_from_datetime_parsing")):
        return f"值「{value}」类型不符，应为{TYPE_ZH[base]}"
    if kind == "model_type" or kind == "dict_type":
        return "应为映射"
    return error["msg"]


def allowed_keys(model, loc: tuple) -> list[str]:
    """The keys a mapping at `loc` of `model` accepts, for an 'unknown key' message."""
    current = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    from pydantic import BaseModel

    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(f.alias or name for name, f in current.model_fields.items())
    return []


def _step(current, part):
    from pydantic import BaseModel

    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        field = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None)
        return field.annotation if field else None
    origin, args = typing.get_origin(current), typing.get_args(current)
    if origin in (list, tuple) and isinstance(part, int) and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _unwrap(annotation):
    """Optional[X] and X | None to X; Annotated[X, ...] to X."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        models = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(models[0]) if len(models) == 1 else annotation
    return annotation


def schemas() -> dict[str, dict]:
    """The JSON Schemas shipped in schemas/: file name -> schema."""
    from .config_model import ConfigFile
    from .rule_model import rule_file_schema
    from .suppressions import BaselineFile, IgnoreFile

    found = {"rule-file.schema.json": rule_file_schema()}
    for name, model in (("config.schema.json", ConfigFile), ("ignore-file.schema.json", IgnoreFile),
                        ("baseline.schema.json", BaselineFile)):
        schema = model.model_json_schema(by_alias=True)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        found[name] = schema
    return found
