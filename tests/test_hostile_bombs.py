"""Issue 9, acceptance 5: a zip bomb, an HTML table of huge rowspans and a 100 MB text each end
within --timeout + 2 s (plus the tool's start-up) and under the memory limit: the worker is
killed by the parent on time or stopped by RLIMIT_AS, and only that file is reported."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "tests" / "fixtures" / "clean_report.txt"
TIMEOUT = 3
STARTUP = 3  # interpreter, imports, rule pack, fork: measured well under this


def docx_bomb(path: Path, megabytes: int = 400) -> None:
    paragraph = b"<w:p><w:r><w:t>1%</w:t></w:r></w:p>"
    body = paragraph * (megabytes * 1024 * 1024 // len(paragraph))
    xml = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           b'wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                         '</Types>')
        archive.writestr("_rels/.rels",
                         '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                         '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        archive.writestr("word/document.xml", xml)


def rowspan_html(path: Path) -> None:
    rows = "".join(f'<tr><td rowspan="65534" colspan="1000">{i}</td><td>1%</td></tr>' for i in range(2000))
    path.write_text(f"<html><body><p>2024年度部门决算</p><table>{rows}</table></body></html>", encoding="utf-8")


def big_text(path: Path, megabytes: int = 100) -> None:
    line = "本年支出合计100万元，其中基本支出60万元，项目支出40万元。1%。\n".encode("utf-8")
    with open(path, "wb") as fh:
        fh.write("2024年度部门决算\n".encode("utf-8"))
        chunk = line * (1024 * 1024 // len(line))
        for _ in range(megabytes):
            fh.write(chunk)


@pytest.mark.parametrize("make,name", [(docx_bomb, "bomb.docx"), (rowspan_html, "spans.html"),
                                       (big_text, "huge.txt")])
def test_bomb_ends_on_time_and_alone(tmp_path, make, name):
    make(tmp_path / name)
    (tmp_path / "clean.txt").write_bytes(CLEAN.read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "AUDITOR_DEBUG"}
    env["AUDITOR_MEMORY_MB"] = "1536"
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "auditor", "check", name, "clean.txt", "--timeout", str(TIMEOUT),
                           "--format", "json", "-o", "out.json", "-j", "2"], cwd=tmp_path, capture_output=True,
                          timeout=120, env=env)
    elapsed = time.monotonic() - started
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert elapsed < TIMEOUT + 2 + STARTUP, elapsed
    files = {Path(f["path"]).name: f for f in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["files"]}
    assert files["clean.txt"]["error"] is None
    bad = files[name]
    # stopped by the clock or by the memory limit, or refused by the reader's own caps; never a clean pass
    # over a file it could not read
    if bad["error"]:
        assert proc.returncode == 3
        print(f"\n{name}: {bad['error']} in {elapsed:.1f} s")
    else:
        print(f"\n{name}: read in {elapsed:.1f} s")
