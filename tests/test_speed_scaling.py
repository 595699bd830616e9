"""Reading stays linear in the document: no sentence grows with it, and joining wrapped lines
does not copy the paragraph once per line. (Timings are printed by benchmarks/scaling.py;
here only a coarse guard.)"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from auditor.ingest import load
from auditor.ingest.build import LONG_SENTENCE, split_sentences
from auditor.model import Paragraph

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import scaling  # noqa: E402


def test_overlong_sentences_are_cut_at_clause_breaks_without_losing_text():
    text = "，".join(f"第{k}项支出{k + 1}.00万元" for k in range(500)) + "。后一句。"
    pieces = split_sentences(text)
    assert "".join(pieces) == text
    assert max(len(p) for p in pieces) <= LONG_SENTENCE
    assert all(p.endswith(("，", "。")) for p in pieces[:-1])
    assert pieces[-1] == "后一句。"


def test_ordinary_sentences_are_untouched():
    text = "本年支出" + "，".join(["比上年增加10.00万元"] * 30) + "。其次。"
    assert len(text) < LONG_SENTENCE
    assert split_sentences(text) == [text[:-3], "其次。"]


def test_a_table_set_apart_by_single_spaces_is_read_as_a_table(tmp_path):
    """Rows of a label and figures apart by one space (a text export without layout) make a table
    under the header of as many words, not one paragraph running every row into the next."""
    path = tmp_path / "space_table.txt"
    path.write_text(scaling.SHAPES["space_table"](10), encoding="utf-8")
    doc = load(str(path))
    assert not [b for b in doc.blocks if isinstance(b, Paragraph)]
    (table,) = doc.tables
    assert [c.text for c in table.rows[0]] == ["项目名称", "预算数", "决算数", "完成率"]
    assert [c.text for c in table.rows[1]] == ["一般公共服务支出项目0", "100.00", "98.50", "90.5%"]
    assert len(table.rows) == 1 + 1500


def test_table_like_text_and_wrapped_sentences_give_bounded_sentences(tmp_path):
    for name in ("wrapped_sentence", "long_sentence"):
        path = tmp_path / f"{name}.txt"
        path.write_text(scaling.SHAPES[name](10), encoding="utf-8")
        paragraphs = [b for b in load(str(path)).blocks if isinstance(b, Paragraph)]
        assert paragraphs, name
        for paragraph in paragraphs:
            assert "".join(s.text for s in paragraph.sentences) == paragraph.text, name
            assert max(len(s.text) for s in paragraph.sentences) <= LONG_SENTENCE, name


def test_a_3000_line_space_separated_table_is_audited_quickly(tmp_path):
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    path = tmp_path / "table.txt"
    path.write_text(scaling.shape_space_table(20), encoding="utf-8")
    assert path.read_text(encoding="utf-8").count("\n") == 3000
    rules = load_rules()
    start = time.process_time()
    result = audit_file(str(path), rules)
    assert result.error is None
    assert time.process_time() - start < 10  # about 0.5 s on the development machine


def test_a_paragraph_wrapped_over_20000_lines_is_joined_in_linear_time(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(scaling.shape_wrapped_sentence(100), encoding="utf-8")
    start = time.process_time()
    doc = load(str(path))
    assert time.process_time() - start < 10
    assert len(doc.blocks) == 1
