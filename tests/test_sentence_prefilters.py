"""The cheap tests _bound_of makes before its patterns (sentences.py) pass wherever the patterns
match: they only spare the patterns' searches, never change an answer."""
import re

from auditor.facts.base.sentences import (BOUND_BEFORE_ENDS, BOUND_BEFORE_RE, RANGE_END_RE, RANGE_JOINER_CHARS,
                                          _bound_of)
from auditor.facts.numbers import RANGE_JOINER


def test_range_joiner_chars_are_the_joiners():
    joiner = re.compile(RANGE_JOINER)
    assert re._parser.parse(RANGE_JOINER).getwidth() == (1, 1)  # one character a joiner
    matched = {chr(c) for c in range(0x110000) if joiner.fullmatch(chr(c))}
    assert matched == set(RANGE_JOINER_CHARS)


def test_words_before_a_bound_end_so():
    for text in ("执行率低于 90%", "不超过5万元", "≥ 95%", "得分未达到60分"):
        m = re.search(r"\d+", text)
        before = BOUND_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())
        assert before and text[max(0, m.start() - 8):m.start()].rstrip().endswith(BOUND_BEFORE_ENDS)


def test_range_ends_end_with_a_joiner():
    for text in ("80分（含）至90分", "70-84分", "3万元～5万元"):
        m = list(re.finditer(r"\d+", text))[-1]
        end = RANGE_END_RE.search(text, max(0, m.start() - 8), m.start())
        assert end and text[max(0, m.start() - 8):m.start()].rstrip()[-1:] in RANGE_JOINER_CHARS


def test_bounds_read_as_before():
    def bound(text: str, number: str) -> str:
        return _bound_of(text, re.compile(re.escape(number) + r"\S?").search(text))
    assert bound("执行率低于90%的项目", "90%") == "<"
    assert bound("70-84分", "84分") == "≤"
    assert bound("支出决算为1,234.56万元", "1,234.56万元") == ""


def test_remark_min_chars_is_below_both_remark_tests():
    """_is_remark answers no below REMARK_MIN_CHARS without its tests: neither may hold there."""
    from auditor.facts.base.tables import REMARK_CLAUSE_RE, REMARK_MIN_CHARS, _is_remark
    from auditor.model import PROSE_CHARS, PROSE_SENTENCE_CHARS

    assert REMARK_MIN_CHARS <= re._parser.parse(REMARK_CLAUSE_RE.pattern).getwidth()[0]
    assert REMARK_MIN_CHARS <= min(PROSE_CHARS, PROSE_SENTENCE_CHARS) + 1
    assert _is_remark("受场馆改造影响，完成92%") and not _is_remark("受场馆影响，完成")
