"""The user's own cache folder, ~/.cache/auditor (or $XDG_CACHE_HOME/auditor): what auditor keeps
between runs for every project, each thing named by a digest of what decides it.

    validated-rules-<digest>     the shipped rules passed validation (ruleset)
    packs/<settings>.json        the rules a set of settings builds (cache)
    templates/                   the HTML report's compiled templates (report.html_report)
    regex-<python>.json          compiled regular expressions (regex_cache)
    yaml/<name>-<digest>.json    the shipped vocabulary files, parsed (knowledge)

Only the user can write there (folders are made 0700), as with Python's own caches; a project's
.auditor_cache (results, see cache) is another thing. Everything kept here is plain data, and a
damaged or missing entry is built again, never an error. This module imports nothing heavy: the
regex cache uses it before anything else is loaded.
"""
from __future__ import annotations

import os
from pathlib import Path


def folder(*parts: str) -> Path:
    """The cache folder, or a folder inside it (not created here)."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(home, "auditor", *parts)


def write_atomic(path: Path, data: bytes) -> bool:
    """Through a temporary file in the same folder and a rename: readers see all or nothing.
    False when it cannot be written (the folder must exist)."""
    import tempfile

    try:
        fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temp, path)
        return True
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        return False
