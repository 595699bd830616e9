"""Where the default rule pack lives, and its shared vocabulary (rules/vocabulary.yaml)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml


# libyaml's loader when PyYAML was built with it: the rule pack loads several times faster
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream):
    """Safe YAML (no tags, no objects), through libyaml where available."""
    return yaml.load(stream, Loader=YAML_LOADER)  # noqa: S506 - a safe loader


def default_rules_dir() -> Path:
    """The packaged rules after `pip install .`; the repository's rules/ in a checkout."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


@lru_cache(maxsize=None)
def vocabulary() -> dict:
    with open(default_rules_dir() / "vocabulary.yaml", encoding="utf-8") as fh:
        return load_yaml(fh)


@lru_cache(maxsize=None)
def concepts() -> dict:
    """The fact vocabulary (rules/concepts.yaml): concepts, measures, periods, calculations."""
    with open(default_rules_dir() / "concepts.yaml", encoding="utf-8") as fh:
        return load_yaml(fh)


def compact(text: str) -> str:
    """Text without white space and with ASCII brackets, for matching labels and aliases."""
    return "".join(text.split()).replace("（", "(").replace("）", ")")
