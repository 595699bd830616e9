"""Rule packs extend the default one; the config overrides a rule's parameters, checked."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from auditor.cli import app
from auditor.ruleset import load_pack, load_rules

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"
SCO001 = ROOT / "rules" / "score" / "execution-score-mismatch.yaml"


def _rules(*args) -> dict[str, str]:
    result = runner.invoke(app, ["check", str(REPORT), "--format", "json", "-o", "-", *args])
    assert result.exit_code in (0, 1), result.output
    return {f["rule"]: f["severity"] for f in json.loads(result.stdout)["files"][0]["findings"]}


def test_rules_add_to_the_default_pack_and_replace_by_id(tmp_path):
    changed = tmp_path / "sco001.yaml"
    changed.write_text(SCO001.read_text(encoding="utf-8").replace("severity: error", "severity: warning"),
                       encoding="utf-8")
    pack = {r.id: r for r in load_pack([changed])}
    assert len(pack) == len(load_rules()) and pack["SCO001"].severity == "warning"
    found = _rules("--rules", str(changed))
    assert found["SCO001"] == "warning" and set(found) - {"SCO001"}  # the default rules still run


def test_no_default_rules_starts_empty(tmp_path):
    found = _rules("--rules", str(SCO001), "--no-default-rules")
    assert set(found) == {"SCO001"}
    alone = runner.invoke(app, ["check", str(REPORT), "--no-default-rules"])
    assert alone.exit_code == 2 and "--no-default-rules" in alone.stderr


def test_the_config_overrides_a_rules_parameters(tmp_path):
    config = tmp_path / ".auditor.yaml"
    config.write_text("params:\n  SCO001: {formula: 'weight'}\n", encoding="utf-8")
    assert "SCO001" not in _rules("--config", str(config))  # full marks expected: no finding


def test_bad_parameter_overrides_are_configuration_errors(tmp_path):
    config = tmp_path / ".auditor.yaml"
    config.write_text("fail_on: error\nparams:\n  SCO001:\n    formula: 'weigth * nothing'\n"
                      "  SCO002: {colour: red}\n  NOPE999: {check: x}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(REPORT), "--config", str(config)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert any(f"{config}:3: params.SCO001" in line and "weigth" in line for line in lines), lines
    assert any(f"{config}:5: params.SCO002.colour" in line and "未知字段" in line for line in lines), lines
    assert any(f"{config}:6: params.NOPE999" in line for line in lines), lines


def test_labels_the_vocabulary_does_not_know_are_errors(tmp_path):
    from auditor.ruleset import RuleFileError

    source = next((ROOT / "rules").rglob("restated-figure-differs.yaml")).read_text(encoding="utf-8")
    custom = tmp_path / "custom.yaml"
    # (into the rule's own params block: a second `params:` key would replace it)
    custom.write_text(source.replace("id: FCT001", "id: FCT901").replace(
        "kind: restatement", "kind: restatement\napplies_to: [政府工作报告]").replace(
        "params:\n", "params:\n  measures: [决算, 执行金额]\n", 1), encoding="utf-8")
    try:
        load_rules([custom])
    except RuleFileError as exc:
        found = {(p.key, p.rule) for p in exc.problems}
        assert found == {("applies_to", "FCT901"), ("params.measures", "FCT901")}, exc.problems
        assert any("执行金额" in p.message for p in exc.problems)
    else:
        raise AssertionError("unknown labels were accepted")
