"""The default pack, once validated, is built directly: both ways give the same rules."""
from __future__ import annotations

from auditor.ruleset import _validated_rules, rule_files, trusted_rules


def test_trusted_rules_equal_validated_rules():
    files = rule_files()
    assert trusted_rules(files) == _validated_rules(files)
