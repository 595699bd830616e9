"""Where the default rule pack lives, and its shared vocabulary (rules/vocabulary.yaml)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml


def default_rules_dir() -> Path:
    """The packaged rules after `pip install .`; the repository's rules/ in a checkout."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


@lru_cache(maxsize=None)
def vocabulary() -> dict:
    with open(default_rules_dir() / "vocabulary.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=None)
def concepts() -> dict:
    """The fact vocabulary (rules/concepts.yaml): concepts, measures, periods, calculations."""
    with open(default_rules_dir() / "concepts.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def compact(text: str) -> str:
    """Text without white space and with ASCII brackets, for matching labels and aliases."""
    return "".join(text.split()).replace("（", "(").replace("）", ")")
