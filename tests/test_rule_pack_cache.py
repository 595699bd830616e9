"""The default pack, once validated, is built directly: both ways give the same rules."""
from __future__ import annotations

from auditor.ruleset import _validated_rules, rule_files, trusted_rules


def test_trusted_rules_equal_validated_rules():
    files = rule_files()
    assert trusted_rules(files) == _validated_rules(files)


def test_the_validated_marker_follows_the_vocabulary_validation_reads():
    """A kind's default words may come from concepts.yaml (DRV024's schedule words): the marker of a
    validated pack changes with the config's additions to it, and is the same for the same ones."""
    from auditor.knowledge import extend_vocabulary, vocabulary_additions
    from auditor.ruleset import _validated_marker

    files = rule_files()
    before = vocabulary_additions()
    try:
        extend_vocabulary({})
        plain = _validated_marker(files)
        extend_vocabulary({"schedule_words": ["序时进度安排"]})
        added = _validated_marker(files)
        assert added != plain and added == _validated_marker(files)
    finally:
        extend_vocabulary(before)
    assert plain is None or plain.name.startswith("validated-rules-")
