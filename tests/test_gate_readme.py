"""The README's gate documentation holds: each documented command gives the exit code it says,
and each configuration snippet validates against the shipped schema."""
from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
AUDITOR = Path(sys.executable).with_name("auditor")
COMMAND_RE = re.compile(r"^\$ (auditor .*?)\s+# exit (\d)", re.M)


def _blocks(language: str) -> list[str]:
    return [textwrap_dedent(b) for b in re.findall(rf"```{language}\n(.*?)```", README, re.S)]


def textwrap_dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text)


def test_every_documented_command_gives_its_exit_code(tmp_path):
    commands = COMMAND_RE.findall("\n".join(_blocks("console")))
    assert len(commands) >= 10
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "tests" / "fixtures", tmp_path / "tests" / "fixtures")
    for line, code in commands:
        args = shlex.split(line)
        done = subprocess.run([str(AUDITOR), *args[1:]], cwd=tmp_path, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == int(code), (line, done.stdout[-500:], done.stderr[-500:])
        if "-o -" in line or "--format sarif" in line:
            json.loads(done.stdout)


@pytest.mark.parametrize("header,schema", [("# .auditor.yaml", "config.schema.json"),
                                           ("# .auditor-ignore.yaml", "ignore-file.schema.json")])
def test_documented_config_snippets_validate(header, schema):
    validator = jsonschema.Draft202012Validator(json.loads((ROOT / "schemas" / schema).read_text(encoding="utf-8")))
    snippets = [b for b in _blocks("yaml") if b.startswith(header)]
    assert snippets
    for snippet in snippets:
        validator.validate(json.loads(json.dumps(yaml.safe_load(snippet), default=str)))


def test_the_documented_pre_commit_set_up_names_the_published_hook():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    snippet = next(b for b in _blocks("yaml") if b.startswith("# .pre-commit-config.yaml"))
    used = [h["id"] for repo in yaml.safe_load(snippet)["repos"] for h in repo["hooks"]]
    assert used and all(h in hooks for h in used)
    assert "--fail-on" not in hooks["auditor"]["entry"]  # the config decides
    assert f"`{hooks['auditor']['entry']}`" in README


def test_the_documented_exit_codes_and_formats_are_the_real_ones():
    from auditor.cli import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, Format

    table = dict(re.findall(r"^\| (\d) \| (.+?) \|$", README, re.M))
    assert set(table) == {str(c) for c in (EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_INTERNAL)}
    synopsis = re.search(r"--format ([a-z|]+)\]", README).group(1)
    assert synopsis.split("|") == [f.value for f in Format]


def test_the_documented_config_keys_are_the_model_fields():
    from auditor.config_model import ConfigFile

    documented = set(re.findall(r"^  \| `(\w+)`(?:, `(\w+)`)? \|", README, re.M))
    keys = {k for pair in documented for k in pair if k}
    assert keys == set(ConfigFile.model_fields)
