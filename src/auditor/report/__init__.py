"""Reports: one module per output format, each a function (results, rules) -> str."""
from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path

FORMATS = {"html": "html_report", "json": "json_report", "sarif": "sarif_report", "junit": "junit_report",
           "text": "text_report", "concise": "concise_report", "github": "github_report"}
SUFFIX = {"html": ".html", "json": ".json", "sarif": ".sarif", "junit": ".xml", "text": ".txt",
          "concise": ".txt", "github": ".txt"}
# The format a report file's extension implies when --format is not given
BY_SUFFIX = {".html": "html", ".htm": "html", ".json": "json", ".sarif": "sarif", ".xml": "junit",
             ".txt": "text", ".log": "text"}
TERMINAL = ("text", "concise", "github")  # formats printed to the terminal when no --report is given


def render(fmt: str, results: list, rules: list, **options) -> str:
    """The report as text, cleaned: no control character or lone surrogate from a document or a
    file name reaches a terminal, breaks the XML or makes the text unencodable (report/hygiene.py)."""
    from .hygiene import clean_json, clean_terminal, clean_text

    text = import_module(f".{FORMATS[fmt]}", __name__).render(results, rules, **options)
    if fmt in ("json", "sarif"):
        return clean_json(text)
    if fmt in TERMINAL:
        return clean_terminal(text, bool(options.get("colour")))
    return clean_text(text)


def write_atomic(path: Path | str, text: str) -> None:
    """Write `text` (UTF-8) to `path` through a temporary file in the same folder, then rename:
    an interrupted run leaves the old report or the new one, never half of one.

    A path that exists and is not a regular file (/dev/stdout, a FIFO) is written directly."""
    import tempfile

    path = Path(path)
    data = text.encode("utf-8", errors="replace")
    if path.exists() and not path.is_file():
        with open(path, "wb") as fh:
            fh.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    try:
        # (no fsync: the rename alone keeps an interrupted or failed run from leaving half a
        # report; what fsync adds is durability over a power cut, for a file the next run writes
        # again, and it costs a flush of the disk's journal, 0.01-0.1 s of wall time per run)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            mode = os.stat(path).st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
            os.chmod(temp, mode)
        except OSError:
            pass
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
