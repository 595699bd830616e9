"""Project configuration: `.auditor.yaml`, or `[tool.auditor]` in pyproject.toml.

    disable: [PER001]                 # rules not to run
    severity: {STR001: info}          # severity overrides
    ignore_paths: ["drafts/**"]       # files not to audit (globs)
    tolerance: {SUM001: {absolute: 0.05}}
    rules: [rules/, extra-rules/]     # rule packs replacing the default one (relative to the file)
    rounding: true                    # report rounding tails as info
    fail_on: error
    ignore_file: .auditor-ignore.yaml # sidecar suppressions
    baseline: auditor-baseline.json
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .findings import SEVERITIES

KEYS = {"disable", "severity", "ignore_paths", "tolerance", "rules", "rounding", "fail_on",
        "ignore_file", "baseline"}


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
    rounding: bool = True
    fail_on: str = "error"
    ignore_file: Path | None = None
    baseline: Path | None = None

    def ignored(self, file: str) -> bool:
        posix = Path(file).as_posix()
        return any(fnmatch.fnmatch(posix, g) or fnmatch.fnmatch(Path(file).name, g) for g in self.ignore_paths)


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder / ".auditor.yaml", folder / ".auditor.yml", folder / "pyproject.toml"):
        if candidate.is_file() and (candidate.suffix != ".toml" or "[tool.auditor]" in candidate.read_text(
                encoding="utf-8", errors="ignore")):
            return candidate
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: 配置应为映射")
    unknown = set(data) - KEYS
    if unknown:
        raise ConfigError(f"{path}: 未知配置项 {sorted(unknown)[0]}（可用：{', '.join(sorted(KEYS))}）")
    base = path.parent
    config = Config(path=path)
    config.disable = [str(x).upper() for x in data.get("disable", [])]
    config.severity = {str(k).upper(): v for k, v in (data.get("severity") or {}).items()}
    bad = [v for v in config.severity.values() if v not in SEVERITIES]
    if bad:
        raise ConfigError(f"{path}: severity 的值 {bad[0]} 应为 {'/'.join(SEVERITIES)} 之一")
    config.ignore_paths = list(data.get("ignore_paths", []))
    config.tolerance = {str(k).upper(): v for k, v in (data.get("tolerance") or {}).items()}
    config.rules = [base / p for p in data.get("rules", [])]
    config.rounding = bool(data.get("rounding", True))
    config.fail_on = data.get("fail_on", "error")
    if config.fail_on not in SEVERITIES:
        raise ConfigError(f"{path}: fail_on 应为 {'/'.join(SEVERITIES)} 之一")
    config.ignore_file = base / data["ignore_file"] if data.get("ignore_file") else None
    if config.ignore_file is None and (base / ".auditor-ignore.yaml").is_file():
        config.ignore_file = base / ".auditor-ignore.yaml"
    config.baseline = base / data["baseline"] if data.get("baseline") else None
    return config


def _read(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        import tomllib

        try:
            return tomllib.loads(text).get("tool", {}).get("auditor", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: TOML 语法错误：{exc}") from exc
    try:
        return yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: YAML 语法错误：{exc}") from exc
