"""Load rule files (rules/**/*.yaml): the rules a run uses.

Files are validated against the declared models of rule_model.py (every error in every file
reported at once, each naming file, line, rule id and field); the default pack once per
content, after which its rules are built directly, without the models.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, kinds, user_cache
from .knowledge import default_rules_dir, load_user_yaml, vocabulary_additions
from .validation import Problem

COMMON_FIELDS = {"stated", "expected", "formula", "quote"}
NOT_RULE_FILES = {"vocabulary.yaml", "concepts.yaml"}


class RuleFileError(Exception):
    """Every problem found in the rule files; the first one's file, rule and field as attributes."""

    def __init__(self, found: list[Problem]):
        self.problems = found
        first = found[0]
        self.path, self.rule_id, self.field, self.problem = first.path, first.rule, first.key, first.message
        super().__init__("\n".join(str(p) for p in found))


def _error(path, rule_id, key, message) -> RuleFileError:
    return RuleFileError([Problem(str(path), None, key, message, rule_id)])


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
        if root.is_dir():
            files.extend(p for p in sorted(root.rglob("*.yaml")) if p.name not in NOT_RULE_FILES)
        elif root.exists():  # a file; one that is not regular (a FIFO, a device) is refused when read
            files.append(root)
        else:
            raise _error(root, None, "path", "规则路径不存在")
    return files


def load_rules(paths: list[str | Path] | None = None) -> list[Rule]:
    """Rules from files or folders; `paths` replaces the default pack when given.

    The default pack is validated by the declared models once per content: a marker named by the
    digest of its files and of the code that validates them records that it passed, and later
    runs build its rules directly (validating costs ~0.4 s of pydantic model building at every
    start-up otherwise). Raises RuleFileError listing every problem of every file."""
    files = rule_files(paths)
    marker = _validated_marker(files) if paths is None else None
    if marker is not None and marker.exists():
        return trusted_rules(files)
    rules = _validated_rules(files)
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
            _prune_markers(marker)
        except OSError:
            pass  # no cache folder: validate again next time
    return rules


KEPT_MARKERS = 8  # a few installed versions side by side each keep theirs; older ones go


def _prune_markers(current: Path) -> None:
    """Markers of code and rules no longer installed are removed, the newest few kept."""
    others = [p for p in current.parent.glob("validated-rules-*") if p != current]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEPT_MARKERS - 1:]:
        old.unlink(missing_ok=True)


def _validated_marker(files: list[Path]) -> Path | None:
    """The marker of a validation of these rule files by this code: its name the digest of the
    files, of the vocabulary validation reads (a kind's default words may come from concepts.yaml,
    with the config's additions) and of the code, each file under its path in the pack or the
    package (kinds' packages repeat module names: __init__.py, execution.py)."""
    import hashlib
    import json

    package, rules_dir = Path(__file__).parent, default_rules_dir()
    digest = hashlib.sha256(__version__.encode())
    digest.update(json.dumps(vocabulary_additions(), sort_keys=True, ensure_ascii=False, default=str).encode())
    vocabulary = [rules_dir / name for name in sorted(NOT_RULE_FILES)]
    code = sorted(package.glob("*.py")) + sorted((package / "kinds").rglob("*.py"))
    try:
        for path in [*files, *vocabulary, *code]:
            named = next((str(path.relative_to(root)) for root in (rules_dir, package) if path.is_relative_to(root)),
                         path.name)
            digest.update(named.encode() + b"\0" + path.read_bytes())
    except OSError:
        return None
    return user_cache.folder() / f"validated-rules-{digest.hexdigest()[:32]}"


def trusted_rules(files: list[Path]) -> list[Rule]:
    """Rules of files already validated: parameters are the given ones over each kind's defaults."""
    rules: dict[str, Rule] = {}
    for path in files:
        data = load_user_yaml(path)
        for entry in data["rules"] if isinstance(data, dict) and "rules" in data else [data]:
            module = kinds.get(entry["kind"])
            given = entry.get("params") or {}
            params = {name: given.get(name, default) for name, (_, default) in module.PARAMS.items()}
            rules[entry["id"]] = Rule(
                id=entry["id"], name=entry["name"], title=entry["title"], kind=entry["kind"], cls=entry["class"],
                severity=entry["severity"], message=entry["message"], doc=entry["doc"],
                examples=entry["examples"], params=params, tolerance=entry.get("tolerance") or {},
                applies_to=list(entry.get("applies_to") or []), path=str(path))
    return sorted(rules.values(), key=lambda r: r.id)


def _validated_rules(files: list[Path]) -> list[Rule]:
    from .rule_model import load_file

    rules: dict[str, Rule] = {}
    found: list[Problem] = []
    for path in files:
        loaded, wrong = load_file(path)
        found.extend(wrong)
        for rule in loaded:
            if rule.id in rules:
                found.append(Problem(str(path), None, "id", f"与 {rules[rule.id].path} 中的规则重复", rule.id))
            rules[rule.id] = rule
    if found:
        raise RuleFileError(found)
    return sorted(rules.values(), key=lambda r: r.id)


def load_pack(extra: list[str | Path] | None = None, defaults: bool = True) -> list[Rule]:
    """The default pack (unless `defaults` is false) with the rules of `extra` added; an added
    rule with an existing id replaces it. Raises RuleFileError listing every problem."""
    rules = {r.id: r for r in load_rules()} if defaults else {}
    if extra:
        rules.update({r.id: r for r in load_rules(extra)})
    elif not defaults:
        return []
    return sorted(rules.values(), key=lambda r: r.id)


def with_params(rules: list[Rule], overrides: dict[str, dict], source: str = "",
                lines: dict | None = None) -> tuple[list[Rule], list[Problem]]:
    """Rules with parameters overridden (config `params: {ID: {name: value}}`), each override
    checked like a rule file's params; unknown rule ids and bad values are problems."""
    from dataclasses import replace

    from pydantic import ValidationError

    from .rule_model import params_model, semantic_problems
    from .validation import line_of, problems

    by_id, found = {r.id: r for r in rules}, []
    for rule_id, given in overrides.items():
        rule = by_id.get(rule_id.upper())
        loc = ("params", rule_id)
        if rule is None:
            found.append(Problem(source, line_of(lines or {}, loc), f"params.{rule_id}", f"没有规则 {rule_id}"))
            continue
        model = params_model(rule.kind)
        try:
            params = model.model_validate({**rule.params, **given}).model_dump()
        except ValidationError as exc:
            found += [Problem(source, line_of(lines or {}, loc + tuple(e["loc"])), f"params.{rule_id}.{p.key}",
                              p.message) for p, e in zip(problems(exc, model, source, {}), exc.errors())]
            continue
        entry = {"kind": rule.kind, "message": rule.message, "params": params}
        found += [Problem(source, line_of(lines or {}, loc), f"params.{rule_id}", p.message)
                  for p in semantic_problems(Path(source), (), rule.id, entry, params)]
        by_id[rule.id] = replace(rule, params=params)
    return sorted(by_id.values(), key=lambda r: r.id), found

