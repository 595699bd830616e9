"""Content-hash cache of audit results: a file is audited again only when something that decides
its findings changed (as ruff's .ruff_cache does).

    .auditor_cache/                      at the project root, or --cache-dir / AUDITOR_CACHE_DIR
      .gitignore  CACHEDIR.TAG           so that git and backup tools leave it alone
      v1/<settings>/                     one folder per set of settings (below)
        <entry>.json                     one audited file: its path, content hash and result
    ~/.cache/auditor/packs/<settings>.json   the rules these settings build, once checked (in the
                                         user's own folder, as the validation marker: rules are
                                         not checked again when they come from it)

`settings` is a digest of everything that decides a file's result other than the file itself:
the tool (its version; the names, sizes and modification times of its code, shipped rules and
vocabulary, as Python judges its .pyc files), Python and
the installed libraries (their dist-info names carry their versions), the config file's bytes
(its overrides, parameters, tolerances and vocabulary), the added rule files' bytes and the
options that change results (--no-rounding, --no-default-rules). An entry is used only when the
file's path and the SHA-256 of its bytes are the ones recorded.

Only results that were read (no error) are kept, and only when they come back from JSON exactly
equal to what the audit returned, dictionaries in the same order; they are kept as audited,
before suppressions and baselines (those are applied on every run). Entries are written through a temporary file and a
rename; an entry that cannot be read or decoded is a miss, never an error. The cache is bounded:
at most MAX_SETTINGS settings folders (the least recently used removed) and MAX_ENTRIES entries
in each (the least recently used removed when a run adds entries), MAX_PACKS rule packs.

Plain JSON, never pickle: a cache folder that came with a repository cannot run code.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from . import __version__, user_cache
from .user_cache import write_atomic as _write

DIR_NAME = ".auditor_cache"
FORMAT = "v1"
MAX_SETTINGS = 4  # settings folders kept (one per rule pack / config / tool version in use)
MAX_PACKS = 16  # rule packs kept in the user's cache folder (all projects together)
MAX_ENTRIES = 20_000  # entries kept per settings folder
PRUNE_TO = 0.9  # share of MAX_ENTRIES left after pruning
HEX_RE = re.compile(r"^[0-9a-f]{16,64}(\.json)?$")
GITIGNORE = "# Automatically created by auditor.\n*\n"
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by auditor.\n"
                "# For information about cache directory tags see https://bford.info/cachedir/\n")


@dataclass(frozen=True)
class RuleCard:
    """What the reports say about a rule (SARIF descriptors, HTML rule docs, --statistics titles)."""

    id: str
    name: str
    title: str
    kind: str
    cls: str
    severity: str
    doc: str


CARD_FIELDS = tuple(f.name for f in fields(RuleCard))  # a subset of Rule's fields


def enabled(no_cache: bool) -> bool:
    value = os.environ.get("AUDITOR_NO_CACHE", "").strip().lower()
    return not no_cache and value in ("", "0", "false", "no")


def cache_dir(option: Path | None, root: Path) -> Path:
    """--cache-dir, else AUDITOR_CACHE_DIR, else .auditor_cache in the project root."""
    if option is not None:
        return Path(option)
    env = os.environ.get("AUDITOR_CACHE_DIR", "").strip()
    return Path(env) if env else root / DIR_NAME


def _hash_tree(digest, folder: Path, suffixes: tuple[str, ...], contents: bool = True) -> None:
    """Names and bytes of every file under `folder` with one of `suffixes`, in a fixed order; with
    `contents` false, names, sizes, modification and change times and inodes: the change time
    cannot be set back (a code change with the size and modification time kept, as cp -p,
    touch -r or a reproducible build leave them, still changes it), and reading the bytes of all
    the code at every start-up costs ~30 ms."""
    found = []
    for base, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found.extend(os.path.join(base, n) for n in names if n.endswith(suffixes))
    for path in sorted(found):
        digest.update(os.path.relpath(path, folder).encode("utf-8", "surrogateescape") + b"\0")
        if contents:
            with open(path, "rb") as fh:
                data = fh.read()
            digest.update(len(data).to_bytes(8, "little") + data)
        else:
            info = os.stat(path)
            digest.update(f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}\0".encode())


def _libraries(digest) -> None:
    """The installed distributions (their dist-info names hold their versions)."""
    import site

    folders = list(getattr(site, "getsitepackages", lambda: [])())
    user = getattr(site, "getusersitepackages", lambda: None)()
    if isinstance(user, str):
        folders.append(user)
    for folder in folders:
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
        digest.update(folder.encode("utf-8", "surrogateescape") + b"\0" + "\n".join(names).encode() + b"\0")


def tool_digest() -> str:
    """The tool as installed: version, code, shipped rules and vocabulary, Python, libraries."""
    from .knowledge import default_rules_dir

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{sys.version}\0{sys.platform}\0".encode())
    digest.update(str(Path(__file__).parent).encode("utf-8", "surrogateescape") + b"\0")
    _hash_tree(digest, Path(__file__).parent, (".py", ".yaml", ".yml"), contents=False)
    _hash_tree(digest, default_rules_dir(), (".yaml", ".yml"), contents=False)
    _libraries(digest)
    return digest.hexdigest()


def settings_digest(config_path: Path | None, rule_paths: list[Path], flags: dict) -> str | None:
    """The digest of everything but the file that decides a result; None when one of the inputs
    cannot be read (then nothing is cached and the normal checks report the problem)."""
    digest = hashlib.sha256(tool_digest().encode())
    digest.update(json.dumps(flags, sort_keys=True).encode())
    try:
        if config_path is not None:
            digest.update(b"config\0" + str(Path(config_path).resolve()).encode("utf-8", "surrogateescape")
                          + b"\0" + Path(config_path).read_bytes())
        for path in rule_paths:
            path = Path(path)
            digest.update(b"rules\0" + str(path.resolve()).encode("utf-8", "surrogateescape") + b"\0")
            if path.is_dir():
                _hash_tree(digest, path, (".yaml",))  # what ruleset.rule_files reads in a folder
            elif path.is_file():
                digest.update(path.read_bytes())
            else:
                return None
    except (OSError, ValueError):
        return None
    return digest.hexdigest()[:32]


# Serialisation: explicit, generic over each dataclass's fields, checked by a round trip

def _location(loc) -> dict:
    return {f.name: getattr(loc, f.name) for f in fields(loc) if getattr(loc, f.name) is not None}


def _finding(finding) -> dict:
    out = {}
    for f in fields(finding):
        value = getattr(finding, f.name)
        if f.name == "location":
            value = _location(value)
        elif f.name == "highlights":
            value = [_location(h) for h in value]
        out[f.name] = value
    return out


def encode(result) -> dict:
    out = {}
    for f in fields(result):
        value = getattr(result, f.name)
        if f.name == "findings":
            value = [_finding(x) for x in value]
        elif f.name == "tables":
            value = [[index, table] for index, table in value.items()]
        out[f.name] = value
    return out


def decode(data: dict):
    from .engine import FileResult
    from .findings import Finding
    from .model import Location

    def finding(d: dict):
        d = dict(d)
        d["location"] = Location(**d["location"])
        d["highlights"] = [Location(**h) for h in d["highlights"]]
        return Finding(**d)

    data = dict(data)
    data["findings"] = [finding(x) for x in data["findings"]]
    data["tables"] = {int(index): table for index, table in data["tables"]}
    return FileResult(**data)


def _dumps(data) -> bytes:
    # ASCII escapes keep file names that are not valid UTF-8 (lone surrogates) intact; keys keep
    # their order (the reports print dictionaries in the order the audit filled them)
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def _content(path: str) -> tuple[str, tuple] | None:
    """SHA-256 of a regular file's bytes and its (size, mtime, inode); None when it is not one.

    Opened without blocking (a FIFO would wait for a writer) and checked before it is read."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        digest = hashlib.sha256()
        while True:
            block = os.read(fd, 1 << 20)
            if not block:
                break
            digest.update(block)
    except OSError:
        return None
    finally:
        os.close(fd)
    return digest.hexdigest(), (info.st_size, info.st_mtime_ns, info.st_ino)


def _stat(path: str) -> tuple | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


class Cache:
    """One settings folder of the cache; every method fails quietly (a miss, nothing written)."""

    def __init__(self, root: Path, settings: str, results: bool = True):
        self.root, self.settings, self.results = Path(root), settings, results
        self.folder = self.root / FORMAT / settings
        self.seen: dict[str, tuple[str, tuple]] = {}  # path -> (content hash, stat) when looked up

    # entries

    def _entry(self, path: str) -> Path:
        absolute = os.path.abspath(path)
        key = hashlib.sha256(os.fsencode(path) + b"\0" + os.fsencode(absolute)).hexdigest()[:32]
        return self.folder / f"{key}.json"

    def get(self, path: str):
        """The cached result of `path` as it is now, or None."""
        content = _content(path)
        if content is None:
            return None
        self.seen[path] = content
        entry = self._entry(path)
        try:
            data = json.loads(entry.read_bytes())
            if data.get("path") != path or data.get("sha256") != content[0]:
                return None
            result = decode(data["result"])
        except Exception:  # noqa: BLE001 - a corrupt, truncated or foreign entry is a miss
            return None
        if result.path != path or result.error is not None:
            return None
        try:
            os.utime(entry)  # recently used: pruned last
        except OSError:
            pass
        return result

    def lookup(self, files: list[str]) -> dict[int, object]:
        """Index in `files` -> cached result, for the files whose entry is current."""
        if not self.results:
            return {}
        found = {}
        for index, path in enumerate(files):
            result = self.get(path)
            if result is not None:
                found[index] = result
        return found

    def put(self, path: str, result) -> bool:
        """Keep a fresh result of `path`: only one that was read, that comes back from JSON equal,
        and whose file did not change while it was audited. Runs in the worker that audited the
        file (batch.run's `keep`), with what `lookup` saw of the file in the parent; never raises."""
        seen = self.seen.get(path)
        if not self.results or seen is None or result.error is not None or result.path != path:
            return False
        if _stat(path) != seen[1]:
            return False  # changed while it was audited: the hash may not be of what was read
        try:
            encoded = encode(result)
            blob = _dumps({"format": FORMAT, "path": path, "sha256": seen[0], "result": encoded})
            back = decode(json.loads(blob)["result"])
            # equal values (a tuple would come back a list) in the same order (dict order is not
            # part of equality, but the reports print it)
            if back != result or _dumps(encode(back)) != _dumps(encoded):
                return False
        except Exception:  # noqa: BLE001 - a result that JSON cannot carry exactly is not kept
            return False
        if not self._ready():
            return False
        return _write(self._entry(path), blob)

    # the rule pack of these settings (in the user's cache folder, next to the validation marker)

    def pack(self) -> list[dict] | None:
        """The rules these settings build, as recorded when they were built and checked (every
        field of each rule), or None."""
        try:
            data = json.loads(pack_file(self.settings).read_bytes())
            rules = data["rules"]
            if data.get("format") != FORMAT or not isinstance(rules, list) or not rules:
                return None
            cards(rules)  # every rule says what the reports need
            return rules
        except Exception:  # noqa: BLE001 - missing or damaged: build the rules
            return None

    def keep_pack(self, rules: list) -> None:
        """Record the rules as built and checked, when they come back from JSON exactly."""
        from dataclasses import asdict

        try:
            items = [asdict(rule) for rule in rules]
            blob = _dumps({"format": FORMAT, "rules": items})
            if [type(rule)(**item) for rule, item in zip(rules, json.loads(blob)["rules"])] != list(rules):
                return
            path = pack_file(self.settings)
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except Exception:  # noqa: BLE001 - not recorded: built again next time
            return
        _write(path, blob)
        _prune_oldest(path.parent, MAX_PACKS)

    # the folder

    def _ready(self) -> bool:
        """The settings folder exists; a cache root this creates gets its .gitignore and
        CACHEDIR.TAG (a folder that already existed, named by --cache-dir, is left as it is)."""
        try:
            if not self.folder.is_dir():
                if not self.root.exists():
                    self.root.mkdir(parents=True)
                    for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
                        _write(self.root / name, text.encode())
                self.folder.mkdir(parents=True, exist_ok=True)
                _prune_oldest(self.folder.parent, MAX_SETTINGS, folders=True)
            return True
        except OSError:
            return False

    def prune(self) -> None:
        """At most MAX_ENTRIES entries here: the least recently used go first."""
        import time

        if not self.results:
            return
        try:
            entries = [e for e in os.scandir(self.folder) if HEX_RE.match(e.name) and e.is_file()]
            leftovers = [e for e in os.scandir(self.folder) if e.name.startswith(".tmp-")]
        except OSError:
            return
        for entry in leftovers:  # an interrupted write's temporary file, an hour old
            try:
                if entry.stat().st_mtime < time.time() - 3600:
                    os.unlink(entry.path)
            except OSError:
                pass
        if len(entries) <= MAX_ENTRIES:
            return
        dated = []
        for entry in entries:
            try:
                dated.append((entry.stat().st_mtime_ns, entry.name))
            except OSError:
                pass
        dated.sort()
        for _, name in dated[:len(dated) - int(MAX_ENTRIES * PRUNE_TO)]:
            try:
                os.unlink(self.folder / name)
            except OSError:
                pass

    def touch(self) -> None:
        """Mark these settings as used: the least recently used settings are the ones pruned."""
        for path in (self.folder, pack_file(self.settings)) if self.results else (pack_file(self.settings),):
            try:
                os.utime(path)
            except OSError:
                pass


def pack_file(settings: str) -> Path:
    return user_cache.folder("packs") / f"{settings}.json"


def _prune_oldest(folder: Path, keep: int, folders: bool = False) -> None:
    """At most `keep` of the cache's own entries (hex names) in `folder`: the least recently used
    (modified) go first."""
    import shutil

    try:
        found = [e for e in os.scandir(folder) if HEX_RE.match(e.name) and e.is_dir(follow_symlinks=False) == folders]
        dated = sorted((e.stat(follow_symlinks=False).st_mtime_ns, e.name) for e in found)
    except OSError:
        return
    for _, name in dated[:max(0, len(dated) - keep)]:
        if folders:
            shutil.rmtree(folder / name, ignore_errors=True)
        else:
            try:
                os.unlink(folder / name)
            except OSError:
                pass


def cards(items: list) -> list[RuleCard]:
    """What the reports say about each rule, from rules or their recorded fields."""
    return [RuleCard(**{k: item[k] for k in CARD_FIELDS}) if isinstance(item, dict)
            else RuleCard(**{k: getattr(item, k) for k in CARD_FIELDS}) for item in items]
