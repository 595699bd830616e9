"""What auditor keeps between runs in the user's cache folder to start faster: compiled regular
expressions (regex_cache) and the parsed shipped vocabulary (knowledge.shipped_yaml). Neither may
change a result: a kept program matches exactly as a freshly compiled pattern, a damaged entry is
built again, and the reports of runs with and without the caches are byte for byte the same."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from auditor import knowledge, regex_cache

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "tests" / "fixtures" / "clean_report.txt"

# patterns of the kinds auditor compiles: Chinese classes, named groups, lookbehinds, flags
PATTERNS = [
    (r"(?P<name>[\u4e00-\u9fff]{2,8})(?:支出|收入)\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(万元|元)", 0),
    (r"(?<![\d.])(?:19|20)\d\d\s*年(?!度?预算)", 0),
    (r"^\s*[（(]?[一二三四五六七八九十]+[)）、]", re.MULTILINE),
    (r"total \s* (\d+)  # a verbose pattern", re.VERBOSE | re.IGNORECASE),
    (r"[^\t\n\r -~\x85\xa0-\ud7ff\ue000-\ufffd]", 0),
]
TEXTS = ["一般公共预算支出 1,234.50万元，较2023年增长", "（三）项目支出 98.70 元\n二、收入合计", "TOTAL   42 and total 7",
         "2024年度预算；2025年", "\x01控制字符\ud800"]


ORIGINAL = regex_cache._state["original"] or re._compiler.compile  # (pytest's process installs no cache)


def _fresh(pattern: str, flags: int) -> re.Pattern:
    return ORIGINAL(pattern, flags)


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_a_kept_program_matches_as_a_fresh_pattern(pattern, flags):
    entry = json.loads(json.dumps(regex_cache._fresh_entry(pattern, flags)))  # (as the file keeps it)
    kept, fresh = regex_cache._from_entry(pattern, entry), _fresh(pattern, flags)
    assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == \
        (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in kept.finditer(text)] == \
            [(m.span(), m.groups()) for m in fresh.finditer(text)]


def test_a_damaged_entry_is_refused_not_trusted():
    pattern = PATTERNS[0][0]
    final_flags, program, groups, groupindex, indexgroup = regex_cache._fresh_entry(pattern, 0)
    assert regex_cache._from_entry(pattern, [final_flags, "not base64!", groups, groupindex, indexgroup]) is None
    assert regex_cache._from_entry(pattern, [final_flags, "AAAAAAAAAAA=", groups, groupindex, indexgroup]) is None
    assert regex_cache._from_entry(pattern, ["two", program]) is None


def test_a_damaged_entry_is_compiled_afresh(monkeypatch, tmp_path):
    pattern = PATTERNS[1][0]
    monkeypatch.setitem(regex_cache._state, "original", ORIGINAL)
    monkeypatch.setitem(regex_cache._state, "table", {(pattern, 0): [0, "AAAA", 0, {}, [None]]})
    monkeypatch.setitem(regex_cache._state, "added", {})
    monkeypatch.setitem(regex_cache._state, "used", set())
    compiled = regex_cache._compile(pattern, 0)
    assert compiled.findall("2024年 2025年度预算 1999年") == _fresh(pattern, 0).findall("2024年 2025年度预算 1999年")
    assert (pattern, 0) in regex_cache._state["added"]  # (and kept right at the next save)


def _check(cwd: Path, report: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", "check", "clean_report.txt", "--no-cache", "-o", report],
                          cwd=cwd, capture_output=True, text=True, timeout=300, env={**os.environ, **env})


def test_the_command_line_keeps_its_patterns_and_reports_the_same(tmp_path):
    """A first run keeps what it compiled; a second compiles nothing new (the file is not written
    again); a damaged file is replaced; the reports of all of them and of a run without the cache
    are the same."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "clean_report.txt").write_bytes(CLEAN.read_bytes())
    env = {"XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    assert _check(tmp_path, "plain.json", {**env, "AUDITOR_NO_REGEX_CACHE": "1"}).returncode == 0
    assert not list((tmp_path / "user-cache" / "auditor").glob("regex-*"))
    assert _check(tmp_path, "first.json", env).returncode == 0
    [kept] = (tmp_path / "user-cache" / "auditor").glob("regex-*.json")
    patterns = json.loads(kept.read_bytes())["patterns"]
    assert len(patterns) > 200 and kept.stat().st_mode & 0o077 == 0
    written = kept.stat().st_mtime_ns
    assert _check(tmp_path, "second.json", env).returncode == 0
    assert kept.stat().st_mtime_ns == written  # nothing compiled afresh
    kept.write_text("{damaged", encoding="ascii")
    assert _check(tmp_path, "third.json", env).returncode == 0
    assert len(json.loads(kept.read_bytes())["patterns"]) >= len(patterns)
    reports = {name: (tmp_path / name).read_bytes() for name in ("plain.json", "first.json", "second.json", "third.json")}
    assert len(set(reports.values())) == 1


def test_shipped_vocabulary_is_parsed_once_per_content(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    source = tmp_path / "words.yaml"
    source.write_text("concepts:\n  人员经费: [工资福利支出, 对个人和家庭的补助]\nlimit: 12\n", encoding="utf-8")
    parsed = knowledge.shipped_yaml(source)
    assert parsed == {"concepts": {"人员经费": ["工资福利支出", "对个人和家庭的补助"]}, "limit": 12}
    [kept] = (tmp_path / "user-cache" / "auditor" / "yaml").glob("words-*.json")
    assert json.loads(kept.read_bytes()) == parsed
    kept.write_text("[damaged", encoding="utf-8")
    assert knowledge.shipped_yaml(source) == parsed  # parsed again
    source.write_text("limit: 13\n", encoding="utf-8")  # another content: another parse
    assert knowledge.shipped_yaml(source) == {"limit": 13}
    assert len(list(kept.parent.glob("words-*.json"))) == 2


def test_a_parse_json_cannot_give_back_is_not_kept(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    source = tmp_path / "dated.yaml"
    source.write_text("since: 2024-01-01\n1: one\n", encoding="utf-8")  # a date and a number as a key
    parsed = knowledge.shipped_yaml(source)
    assert str(parsed["since"]) == "2024-01-01" and parsed[1] == "one"
    assert not list((tmp_path / "user-cache" / "auditor" / "yaml").glob("dated-*"))


def test_patterns_of_later_documents_are_not_kept(monkeypatch, tmp_path):
    """What a process compiles up to its first save (after its first document: the modules' and
    the vocabulary's patterns) is kept; what a later document builds from its own words (a title
    pattern holding its unit's name) is compiled as Python does and not kept, so the file does not
    grow with every document a batch reads."""
    kept = tmp_path / "regex.json"
    for key, value in {"installed": True, "recording": True, "path": kept, "table": {}, "added": {},
                       "used": set(), "original": ORIGINAL}.items():
        monkeypatch.setitem(regex_cache._state, key, value)
    regex_cache._compile(r"(?:东湖区|西湖区)财政局\s*(\d{4})年", 0)
    regex_cache.save()
    later = regex_cache._compile(r"(?:南湖县)卫生健康委员会\s*(\d{4})年", 0)
    regex_cache.save()
    assert later.findall("南湖县卫生健康委员会 2024年") == ["2024"]
    patterns = [item[0] for item in json.loads(kept.read_bytes())["patterns"]]
    assert patterns == [r"(?:东湖区|西湖区)财政局\s*(\d{4})年"]
