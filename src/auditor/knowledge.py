"""Where the default rule pack lives, and its shared vocabulary (rules/vocabulary.yaml)."""
from __future__ import annotations

import os
import re
import stat
from functools import lru_cache
from pathlib import Path

import yaml

from .memo import MEMO_CHARS, MEMO_ENTRIES


# libyaml's loader when PyYAML was built with it: the rule pack loads several times faster
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Limits for the files people write (rules, config, ignore file, baseline): none needs more
MAX_USER_FILE_BYTES = 4 * 1024 * 1024
MAX_BASELINE_BYTES = 64 * 1024 * 1024
MAX_YAML_ALIASES = 16  # rule and config files need none; a few are harmless
MAX_YAML_DEPTH = 40
MAX_YAML_NODES = 500_000


class UnsafeInput(ValueError):
    """A user file refused before parsing: not a regular file, too large, not UTF-8, a YAML bomb."""


def read_user_file(path: Path | str, limit: int = MAX_USER_FILE_BYTES) -> str:
    """The text of a file people write: a regular file, at most `limit` bytes, UTF-8 (a BOM allowed).

    FIFOs, devices and sockets are refused without being opened (opening a FIFO blocks)."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise UnsafeInput(f"无法读取：{exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnsafeInput("这是一个文件夹，不是文件")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeInput("不是普通文件（管道、设备或套接字），拒绝读取")
    if info.st_size > limit:
        raise UnsafeInput(f"文件过大（{info.st_size} 字节，超出限制 {limit} 字节）")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise UnsafeInput(f"无法读取：{exc.strerror or exc}") from None
    if len(data) > limit:
        raise UnsafeInput(f"文件过大（超出限制 {limit} 字节）")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnsafeInput(f"不是 UTF-8 编码的文本（第 {exc.start + 1} 字节无法解码）") from None


def check_yaml_shape(text: str) -> None:
    """Refuse alias bombs and deep nesting before anything is built (the events are cheap).

    Raises UnsafeInput naming the line; a syntax error is left to the loader that follows."""
    aliases = depth = nodes = 0
    open_anchors: list = []  # the anchors of the collections being read: an alias to one is a cycle
    # the keys seen in each mapping being read (None for a sequence), and whether a key comes next:
    # a key stated twice in one mapping is refused, as yamllint's key-duplicates does (YAML keeps
    # the last silently, and the first, a word list or a setting, would be lost unseen)
    keys_seen: list[tuple[set, list[bool]] | None] = []
    try:
        for event in yaml.parse(text, Loader=YAML_LOADER):
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                _note_key(keys_seen, event)
            if isinstance(event, yaml.MappingStartEvent):
                keys_seen.append((set(), [True]))
            elif isinstance(event, yaml.SequenceStartEvent):
                keys_seen.append(None)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)) and keys_seen:
                keys_seen.pop()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                open_anchors.append(event.anchor)
                if depth > MAX_YAML_DEPTH:
                    raise UnsafeInput(f"第 {event.start_mark.line + 1} 行：嵌套过深（超出限制 {MAX_YAML_DEPTH} 层）")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                if open_anchors:
                    open_anchors.pop()
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if event.anchor in open_anchors:
                    raise UnsafeInput(f"第 {event.start_mark.line + 1} 行：别名 *{event.anchor} 引用了包含它自身的"
                                      f"节点（循环引用），拒绝展开")
                if aliases > MAX_YAML_ALIASES:
                    raise UnsafeInput(f"第 {event.start_mark.line + 1} 行：别名（*引用）过多"
                                      f"（超出限制 {MAX_YAML_ALIASES} 个），拒绝展开")
            nodes += 1
            if nodes > MAX_YAML_NODES:
                raise UnsafeInput(f"节点过多（超出限制 {MAX_YAML_NODES} 个）")
    except yaml.YAMLError:
        return


def _note_key(keys_seen: list, event) -> None:
    """A node read inside a mapping: where it is a key, refuse it if the mapping has it already."""
    frame = keys_seen[-1] if keys_seen else None
    if frame is None:
        return
    seen, expecting = frame
    if expecting[0] and isinstance(event, yaml.ScalarEvent) and event.value != "<<":  # (merge keys aside)
        if event.value in seen:
            raise UnsafeInput(f"第 {event.start_mark.line + 1} 行：键「{event.value}」在同一层重复出现"
                              f"（YAML 只保留后一个，前一个的内容会被忽略）")
        seen.add(event.value)
    expecting[0] = not expecting[0]


def load_yaml(stream):
    """Safe YAML (no tags, no objects), through libyaml where available; alias bombs and deep
    nesting refused (UnsafeInput)."""
    text = stream if isinstance(stream, str) else stream.read()
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    check_yaml_shape(text)
    try:
        return yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 - a safe loader
    except RecursionError:
        raise UnsafeInput(f"嵌套过深（超出限制 {MAX_YAML_DEPTH} 层）") from None
    except yaml.YAMLError:
        raise
    except (ValueError, OverflowError, TypeError) as exc:  # a value YAML resolves but cannot build: 2024-02-30
        raise UnsafeInput(f"YAML 中的值无效：{exc}") from None


def load_user_yaml(path: Path | str, limit: int = MAX_USER_FILE_BYTES):
    """A YAML file people write, through every guard: regular file, size, UTF-8, aliases, depth."""
    return load_yaml(read_user_file(path, limit))


KEPT_PARSES = 4  # parses of one shipped file kept (a few installed versions side by side)


def shipped_yaml(path: Path):
    """A shipped vocabulary file, parsed once per content: the parse is kept as JSON in the user's
    cache folder (yaml/<name>-<digest>.json) and read from there by later processes (~40 ms of
    YAML at every start otherwise). Kept only when JSON gives back exactly what YAML built."""
    import hashlib
    import json

    from . import user_cache

    data = path.read_bytes()
    kept = user_cache.folder("yaml") / f"{path.stem}-{hashlib.sha256(data).hexdigest()[:32]}.json"
    try:
        return json.loads(kept.read_bytes())
    except (OSError, ValueError):
        pass  # not kept yet, or damaged: parse (and keep) it
    parsed = load_yaml(data.decode("utf-8-sig"))
    try:
        blob = json.dumps(parsed, ensure_ascii=False).encode("utf-8")
        if json.loads(blob) == parsed:
            kept.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            user_cache.write_atomic(kept, blob)
            _prune_parses(kept)
    except (OSError, ValueError, TypeError):
        pass  # (a value JSON cannot carry, or no cache folder: parsed again next time)
    return parsed


def _prune_parses(current: Path) -> None:
    """The newest KEPT_PARSES parses of the file `current` is one of; older ones go."""
    stem = current.name.rsplit("-", 1)[0]
    others = sorted((p for p in current.parent.glob(f"{stem}-*.json") if p != current),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEPT_PARSES - 1:]:
        old.unlink(missing_ok=True)


def default_rules_dir() -> Path:
    """The packaged rules after `pip install .`; the repository's rules/ in a checkout."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


@lru_cache(maxsize=None)
def vocabulary() -> dict:
    return shipped_yaml(default_rules_dir() / "vocabulary.yaml")


@lru_cache(maxsize=None)
def base_concepts() -> dict:
    """The fact vocabulary as shipped (rules/concepts.yaml): concepts, measures, periods, calculations."""
    data = shipped_yaml(default_rules_dir() / "concepts.yaml")
    # the heads of a target column are one list (vocabulary.yaml target_heads): words of the 目标值 measure too
    measures = data.get("measures") or {}
    measures["目标值"] = list(dict.fromkeys([*(measures.get("目标值") or ()), *(vocabulary().get("target_heads") or ())]))
    # the words cutting a budget are one list (budget_cut_words): words of the 追加预算 measure too
    measures["追加预算"] = list(dict.fromkeys([*(measures.get("追加预算") or ()), *(data.get("budget_cut_words") or ())]))
    return data


# What the project's config adds to the fact vocabulary for this run (`vocabulary:` in
# .auditor.yaml), and a counter that names the vocabulary in use, for caches built from it.
_additions: dict = {}
_generation = 0


def extend_vocabulary(additions: dict | None) -> None:
    """Use the shipped vocabulary with `additions` (checked by config.vocabulary_problems) added.

    Set once per run before any rule is loaded or document read; forked workers inherit it."""
    global _additions, _generation
    if (additions or {}) == _additions:
        return
    _additions = dict(additions or {})
    _generation += 1
    concepts.cache_clear()


def report_type_entry(name: str | None) -> dict:
    """The entry of vocabulary.yaml report_types of that name (its marks: plan, looks_ahead, in_year,
    next_year_plan, horizon …); {} for none."""
    return next((e for e in vocabulary()["report_types"] if e["name"] == name), {}) if name else {}


def vocabulary_generation() -> int:
    return _generation


def vocabulary_additions() -> dict:
    """The config's additions to the shipped concepts (set_vocabulary_additions)."""
    return _additions


@lru_cache(maxsize=None)
def concepts() -> dict:
    """The fact vocabulary in use: the shipped one with the config's additions."""
    return merge_vocabulary(base_concepts(), _additions)


def merge_vocabulary(base: dict, additions: dict) -> dict:
    """`base` with `additions` added section by section: word lists gain the new words (base order
    first, no repeats), mappings gain keys, lists of entries (calculations, row rates) gain entries."""
    merged = dict(base)
    for section, added in additions.items():
        merged[section] = _merged(base.get(section), added)
    return merged


def _merged(have, added):
    if isinstance(added, dict):
        out = dict(have or {})
        for key, value in added.items():
            out[key] = _merged(out.get(key), value)
        return out
    if isinstance(added, list):
        out = list(have or [])
        out += [item for item in added if item not in out]
        return out
    return added


def open_brackets(text: str, start: int = 0, end: int | None = None) -> int:
    """How many brackets opened in text[start:end] are still open at its end (（ and ( alike)."""
    span = text[start:end]
    return span.count("（") + span.count("(") - span.count("）") - span.count(")")


def last_open_bracket(text: str, start: int, end: int) -> int | None:
    """Where the text after the last bracket opened in text[start:end] begins, when that bracket is
    still open at `end` (no bracket closes after it); None otherwise."""
    opened = max(text.rfind("（", start, end), text.rfind("(", start, end))
    if opened < 0 or max(text.rfind("）", opened, end), text.rfind(")", opened, end)) >= 0:
        return None
    return opened + 1


def han_bigrams(text: str) -> set[str]:
    """Its Chinese characters' adjacent pairs, other characters dropped: the words two names share
    (住院 of 收治住院病人 and 住院人次)."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fa5"]
    return {a + b for a, b in zip(han, han[1:])}


def compact(text: str) -> str:
    """Text without white space and with ASCII brackets, for matching labels and aliases. The same
    labels and phrases are compacted again and again: short texts' answers are kept (a bounded memo,
    see memo.py), looked up first, the cheapest call (a hundred thousand a batch of short reports)."""
    found = _COMPACTED.get(text)
    if found is None:
        found = _compact(text)
        if len(text) <= MEMO_CHARS:
            if len(_COMPACTED) >= MEMO_ENTRIES:
                _COMPACTED.clear()
            _COMPACTED[text] = found
    return found


_COMPACTED: dict[str, str] = {}  # short text -> compact(text)


def _compact(text: str) -> str:
    return "".join(text.split()).replace("（", "(").replace("）", ")")


def note_lead_re() -> re.Pattern:
    """A note's label and its colon opening a line (注：, 说明：, 注1：; vocabulary.yaml note_labels)."""
    return _note_lead_pattern(vocabulary_generation())


@lru_cache(maxsize=4)
def _note_lead_pattern(generation: int) -> re.Pattern:
    labels = vocabulary().get("note_labels") or ()
    return re.compile(r"\s*(?:" + "|".join(map(re.escape, labels)) + r")\s*\d?\s*[：:]\s*" if labels else "(?!)")
