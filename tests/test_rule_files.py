"""Rule files: every rule's examples pass, and a bad file names file, rule id and field."""
from __future__ import annotations

import pytest

from auditor import kinds
from auditor.examples import run_examples
from auditor.ruleset import RuleFileError, load_rules

RULES = load_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule):
    failures = [r for r in run_examples(rule) if not r.passed]
    assert not failures, [(f.kind, f.index, f.detail) for f in failures]


def test_every_kind_has_a_rule():
    assert {r.kind for r in RULES} == set(kinds.names())


def test_rule_docs_have_the_fixed_headings():
    for rule in RULES:
        for heading in ("## 检查内容", "## 为什么重要", "## 示例"):
            assert heading in rule.doc, (rule.id, heading)


def test_rule_docs_speak_to_the_auditor_not_the_maintainer():
    """The docs are printed in the HTML report: no rule file, parameter or library name there
    (those belong in the YAML's comments)."""
    import re

    internal = re.compile(r"rules/|\.ya?ml\b|pandera|[a-z]+_[a-z_]+|\b(?:info|warning|error)\b")
    leaks = {rule.id: internal.findall(rule.doc) for rule in RULES if internal.search(rule.doc)}
    assert not leaks, leaks


GOOD = """
id: TST001
name: test-rule
title: 测试
kind: score
class: score_mismatch
severity: error
params: {check: total}
message: "{table} {total}"
doc: x
examples: {fire: ["a", "b"], quiet: ["c", "d"]}
"""


@pytest.mark.parametrize("change,field", [
    (("kind: score", "kind: nonsense"), "kind"),
    (("severity: error", "severity: fatal"), "severity"),
    (("params: {check: total}", "params: {check: total, colour: red}"), "params.colour"),
    (("message: \"{table} {total}\"", "message: \"{nope}\""), "message"),
    (("id: TST001", "id: t1"), "id"),
    (("examples: {fire: [\"a\", \"b\"], quiet: [\"c\", \"d\"]}", "examples: {fire: [\"a\"], quiet: [\"c\", \"d\"]}"),
     "examples.fire"),
])
def test_bad_rule_file_errors_name_file_rule_and_field(tmp_path, change, field):
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rules([path])
    assert info.value.field == field
    assert str(path) in str(info.value)
    assert info.value.rule_id in ("TST001", "t1")


def test_good_rule_file_loads(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_rules([path])[0].id == "TST001"


def test_yaml_syntax_error_names_the_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(RuleFileError, match="broken.yaml"):
        load_rules([path])
