"""Reports written for these tests in other phrasings, layouts and formats than the corpora's:
each consistent one stays quiet, each copy with planted errors (_错) reports what it reported when
the expectations were written (tests/data/unseen/expected.yaml): a planted error found then must
still be found, and nothing else may appear."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.engine import audit_file
from auditor.ruleset import load_rules

HERE = Path(__file__).parent / "data" / "unseen"
EXPECTED = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))
RULES = load_rules()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_unseen_report_gives_the_findings_written_down_for_it(name):
    result = audit_file(str(HERE / name), RULES)
    assert result.error is None, result.error
    found = sorted([f.rule, f.stated] for f in result.findings if f.rule != "PRE001" and f.severity != "info")
    assert found == sorted(EXPECTED[name]), name


def test_every_clean_report_has_its_planted_twin_and_every_file_an_expectation():
    names = {p.name for p in HERE.iterdir() if p.name != "expected.yaml"}
    assert names == set(EXPECTED)
    clean = {n for n in names if "_错" not in n}
    assert all(not EXPECTED[n] for n in clean)
    assert {n.replace("_错", "") for n in names - clean} <= clean
