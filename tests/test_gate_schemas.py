"""Rules, configuration, ignore file and baseline are declared models; the shipped JSON Schemas
are generated from them, validate every shipped file and reject broken ones."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from auditor.cli import app
from auditor.config import load_config
from auditor.ruleset import RuleFileError, load_rules, rule_files
from auditor.validation import schemas

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"


def _validator(name: str):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _yaml(text: str):
    """YAML as a JSON document would hold it (dates as text)."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def test_shipped_schemas_are_the_generated_ones():
    for name, schema in schemas().items():
        shipped = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        assert shipped == schema, f"schemas/{name} 已过期：运行 auditor schema 重新生成"


@pytest.mark.parametrize("path", rule_files(), ids=lambda p: p.name)
def test_every_shipped_rule_file_validates(path):
    errors = list(_validator("rule-file.schema.json").iter_errors(_yaml(path.read_text(encoding="utf-8"))))
    assert not errors, [e.message for e in errors]


def test_example_config_and_ignore_file_validate():
    config = _yaml((SCHEMAS / "examples" / "auditor.yaml").read_text(encoding="utf-8"))
    _validator("config.schema.json").validate(config)
    _validator("ignore-file.schema.json").validate(
        _yaml((SCHEMAS / "examples" / "auditor-ignore.yaml").read_text(encoding="utf-8")))
    loaded = load_config(SCHEMAS / "examples" / "auditor.yaml")
    assert loaded.disable == ["PER001"] and loaded.tolerance == {"SUM001": {"absolute": 0.05}}


BROKEN_RULE = """rules:
  - id: TST001
    name: test-rule
    title: 测试
    kind: score
    class: score_mismatch
    severity: fatal
    params: {check: execution, formula: "weigth * nothing"}
    message: "{table} {nope}"
    doc: x
    examples: {fire: ["a", "b"], quiet: ["c", "d"]}
  - id: TST002
    name: test-two
    title: 测试
    kind: consistency
    class: cross_ref_mismatch
    severity: error
    params: {check: role_signature, max_similarity: 1}
    message: "{subject}"
    doc: x
    examples: {fire: ["a", "b"], quiet: ["c"]}
"""


def test_a_broken_rule_file_reports_every_error_with_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN_RULE, encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rules([path])
    found = {(p.rule, p.key): p.line for p in info.value.problems}
    assert found == {("TST001", "severity"): 7, ("TST001", "params.formula"): 8, ("TST001", "message"): 9,
                     ("TST002", "examples.quiet"): 21}
    assert not list(_validator("rule-file.schema.json").iter_errors(_yaml(BROKEN_RULE.replace("fatal", "error")
                                                                          .replace('["c"]', '["c", "d"]'))))
    best = jsonschema.exceptions.best_match(_validator("rule-file.schema.json").iter_errors(_yaml(BROKEN_RULE)))
    assert list(best.absolute_path)[:1] == ["rules"]


def test_a_whole_number_where_a_float_is_declared_is_accepted(tmp_path):
    path = tmp_path / "ok.yaml"
    fixed = BROKEN_RULE.split("  - id: TST002")[1].replace('["c"]', '["c", "d"]')
    path.write_text("id: TST002" + fixed.replace("\n    ", "\n"), encoding="utf-8")
    assert load_rules([path])[0].params["max_similarity"] == 1


def test_the_cli_prints_every_rule_error_and_exits_2(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN_RULE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--rules", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith(f"规则文件错误：{path}:") for line in lines)


@pytest.mark.parametrize("text,line,key,words", [
    ("disable: STR001\n", 1, "disable", ["列表"]),
    ("fail_on: error\ndisable: [NOPE999]\n", 2, "disable", ["NOPE999"]),
    ("rounding: maybe\n", 1, "rounding", ["maybe", "布尔值"]),
    ("tolerance: {SUM001: {absolute: abc}}\n", 1, "tolerance.SUM001.absolute", ["abc", "数字"]),
    ("tolerance:\n  SUM001:\n    absolute: -1\n", 3, "tolerance.SUM001.absolute", ["≥ 0"]),
    ("severity: {SCO001: loud}\n", 1, "severity.SCO001", ["loud", "error、warning、info"]),
    ("colour: red\n", 1, "colour", ["未知字段", "fail_on"]),
])
def test_configuration_mistakes_are_errors_with_file_line_and_key(tmp_path, text, line, key, words):
    config = tmp_path / ".auditor.yaml"
    config.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--config", str(config)])
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith(f"配置错误：{config}:{line}: {key}："), message
    assert all(w in message for w in words), message
    assert list(_validator("config.schema.json").iter_errors(_yaml(text))) or "NOPE999" in text


def test_every_config_error_is_reported_at_once(tmp_path):
    config = tmp_path / ".auditor.yaml"
    config.write_text("fail_on: fatal\nrounding: maybe\ncolour: red\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--config", str(config)])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 3


def test_pyproject_errors_name_the_line(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[project]\nname = 'x'\n\n[tool.auditor]\nfail_on = \"error\"\nrounding = \"maybe\"\n",
                         encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--config", str(pyproject)])
    assert result.exit_code == 2 and f"{pyproject}:6: rounding：" in result.stderr


def test_ignore_and_baseline_files_are_validated(tmp_path):
    ignore = tmp_path / "ignore.yaml"
    ignore.write_text("ignore:\n  - fingerprint: abc\n    reason: ''\n    who: 张三\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--ignore-file", str(ignore)])
    assert result.exit_code == 2
    assert [line.split("：")[1] for line in result.stderr.strip().splitlines()] == [
        f"{ignore}:2: ignore[0].fingerprint", f"{ignore}:3: ignore[0].reason", f"{ignore}:4: ignore[0].who"]
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": [{"rule": "SUM001"}]}', encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--baseline", str(baseline)])
    assert result.exit_code == 2 and "findings[0].fingerprint" in result.stderr
