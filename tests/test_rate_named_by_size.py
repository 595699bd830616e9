"""A change's rate named by its size (下降幅度为, 减少比例为, 减幅为) is the rate of the change before
it, of the thing that changed, as 下降 is. Texts written for these tests."""
from __future__ import annotations

import pytest

from auditor.facts.base import fact_base
from auditor.ingest import load

LINE = "某县文化馆2024年度部门决算说明\n2024年公务接待费1.86万元，较上年2.50万元减少0.64万元，{words}34.41%。\n"


@pytest.mark.parametrize("words", ["下降幅度为", "降低幅度为", "同比下降幅度为", "下降比例为", "减少比例为", "下降"])
def test_the_rate_is_the_changed_things(tmp_path, words):
    path = tmp_path / "r.txt"
    path.write_text(LINE.format(words=words), encoding="utf-8")
    rate = next(f for f in fact_base(load(str(path))).facts if f.text.startswith("34.41"))
    assert (rate.measure, rate.concept) == ("变动率", "公务接待费")
