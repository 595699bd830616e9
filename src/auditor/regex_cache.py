"""Compiled regular expressions kept between runs, as Python keeps its .pyc files.

The rule kinds, the fact reader and the vocabulary compile about 550 patterns, and compiling
them is half of what a one-file `auditor check` costs (~0.35 of ~0.75 s CPU): Python's regex
parser and compiler are pure Python, and a class such as [\\u4e00-\\u9fff] alone makes the
compiler walk 21,000 code points. The command line installs this cache before anything is
imported: a pattern compiled once is kept as its sre program in the user's cache folder, and
later processes build the Pattern from that program (`_sre.compile`, which validates every
program it is given) without parsing the pattern again. The program is the one Python's own
compiler produced for the same pattern, flags and Python version, so the Pattern matches
exactly as a fresh one would (tests/test_regex_cache.py compares them).

    ~/.cache/auditor/regex-<python and sre version>.json
        {"format": 1, "patterns": [[pattern, flags, final flags, program (base64 of 32-bit
        words), groups, group index, index group], ...]}

Plain JSON, read through every guard: an entry that does not decode or that sre refuses is
compiled afresh. Nothing here changes a result, only how fast a Pattern is made; set
AUDITOR_NO_REGEX_CACHE=1 to compile every pattern afresh. Where the interpreter's regex
internals are not the ones this was written against (another implementation, another layout),
the cache is not installed.
"""
from __future__ import annotations

import base64
import json
import os
import sys
from array import array
from pathlib import Path

from . import user_cache

try:  # CPython's regex compiler, in the layout this module was written against (3.11 and later)
    import _sre
    from re import _compiler, _constants, _parser
except ImportError:
    _sre = None

FORMAT = 1
# Beyond these, a save keeps only the patterns this process used: those of old versions, and of
# documents seen first by earlier runs (see below), go. (The shipped patterns take ~0.9 MB.)
MAX_PATTERNS = 2048
MAX_BYTES = 2 * 1024 * 1024

# The kept entries are read at the first pattern compiled (None until then: `auditor --version`
# reads none). A process records what it compiles until its first save, after its first document:
# the patterns of the modules and the vocabulary; those a later document builds from its own
# words (a title pattern holding the unit's name) are compiled as Python does and not kept.
_state: dict = {"installed": False, "recording": True, "path": None, "table": None, "used": set(), "added": {},
                "original": None}


def install() -> bool:
    """Compile regexes through the cache for the rest of the process (forked workers inherit it).
    False when it cannot be used here or is turned off."""
    if _state["installed"]:
        return True
    if os.environ.get("AUDITOR_NO_REGEX_CACHE") or not _supported():
        return False
    _state["path"] = _cache_file()
    _state["original"] = _compiler.compile
    _compiler.compile = _compile
    _state["installed"] = True
    return True


def save() -> None:
    """Keep the patterns compiled afresh since the last save (with what another process kept in
    the meantime), and record no more; never fails."""
    if not _state["installed"]:
        return
    _state["recording"] = False
    if not _state["added"]:
        return
    table = _read(_state["path"])
    table.update(_state["added"])
    if len(table) > MAX_PATTERNS or sum(len(entry[1]) for entry in table.values()) > MAX_BYTES:
        table = {key: table[key] for key in _state["used"] | set(_state["added"]) if key in table}
    _state["table"] = {**(_state["table"] or {}), **_state["added"]}
    _state["added"] = {}
    _write(_state["path"], table)


def _supported() -> bool:
    """CPython 3.11+ with the regex compiler's internals this module calls, and 32-bit sre words."""
    return (_sre is not None and sys.implementation.name == "cpython" and sys.version_info >= (3, 11)
            and callable(getattr(_compiler, "_code", None)) and callable(getattr(_parser, "parse", None))
            and getattr(_sre, "CODESIZE", 0) == array("I").itemsize == 4)


def _cache_file() -> Path:
    version = "-".join(str(part) for part in sys.version_info[:3])
    return user_cache.folder() / f"regex-cpython{version}-sre{_sre.MAGIC}.json"


def _compile(pattern, flags=0):
    """re._compiler.compile, through the cache for text patterns."""
    if not isinstance(pattern, str) or flags & _constants.SRE_FLAG_DEBUG:
        return _state["original"](pattern, flags)
    if _state["table"] is None:
        _state["table"] = _read(_state["path"])
    key = (pattern, int(flags))
    entry = _state["table"].get(key) or _state["added"].get(key)
    if entry is not None:
        compiled = _from_entry(pattern, entry)
        if compiled is not None:
            _state["used"].add(key)
            return compiled
    if not _state["recording"]:
        return _state["original"](pattern, flags)
    entry = _fresh_entry(pattern, flags)
    _state["added"][key] = entry
    _state["used"].add(key)
    return _from_entry(pattern, entry) or _state["original"](pattern, flags)


def _fresh_entry(pattern: str, flags) -> list:
    """What re._compiler.compile passes to _sre.compile, as JSON can keep it."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = base64.b64encode(array("I", code).tobytes()).decode("ascii")
    return [int(flags | parsed.state.flags), program, parsed.state.groups - 1, groupindex, indexgroup]


def _from_entry(pattern: str, entry):
    """The Pattern of a kept entry, or None when the entry is damaged or sre refuses it."""
    try:
        final_flags, program, groups, groupindex, indexgroup = entry
        code = array("I", base64.b64decode(program, validate=True)).tolist()
        return _sre.compile(pattern, final_flags, code, groups, dict(groupindex), tuple(indexgroup))
    except Exception:  # noqa: BLE001 - a damaged entry is compiled afresh
        return None


def _read(path: Path | None) -> dict:
    """The kept entries by (pattern, flags); empty when the file is missing or not this format."""
    try:
        data = json.loads(path.read_bytes())
        if data.get("format") != FORMAT:
            return {}
        return {(item[0], item[1]): item[2:] for item in data["patterns"]
                if isinstance(item, list) and len(item) == 7 and isinstance(item[0], str) and isinstance(item[1], int)}
    except Exception:  # noqa: BLE001 - missing or damaged: compile afresh
        return {}


def _write(path: Path | None, table: dict) -> None:
    """The entries, written through a temporary file and a rename (a reader never sees half)."""
    if path is None:
        return
    items = [[pattern, flags, *entry] for (pattern, flags), entry in sorted(table.items())]
    try:
        # (ASCII with escapes: a pattern may hold a lone surrogate, which UTF-8 cannot carry)
        data = json.dumps({"format": FORMAT, "patterns": items}, separators=(",", ":")).encode("ascii")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (OSError, ValueError, TypeError):
        return
    user_cache.write_atomic(path, data)
