"""The look-ups kept for speed stay correct and bounded: what is remembered answers as a fresh
reading would, changes in the document are seen, and a batch of distinct texts cannot grow them."""
from __future__ import annotations

from decimal import Decimal

from auditor.facts import base as fact_base_module
from auditor.facts.base import reader as reader_module
from auditor.facts.base.words import LabelIndex, names_nothing
from auditor.facts.lexicon import Matcher, lexicon, matcher
from auditor.memo import MEMO_ENTRIES
from auditor.facts.numbers import normalize_digits
from auditor.model import Cell, Location, Paragraph, Sentence, Table


def test_table_width_follows_rows_added_after_it_was_asked():
    loc = Location("t.txt")
    table = Table(1, [[Cell("项目", loc), Cell("金额", loc)]], loc)
    assert table.width == 2
    table.rows.append([Cell("甲", loc), Cell("1", loc), Cell("2", loc)])
    assert table.width == 3


def test_plain_text_is_the_digit_normalised_text_of_the_same_length():
    text = "本年支出合计１２３．４５万元，占比：９８％（含结转）"
    sentence = Sentence(text, Location("t.txt"))
    paragraph = Paragraph(text, Location("t.txt"), [sentence])
    assert sentence.plain == normalize_digits(text) == "本年支出合计123.45万元,占比:98%(含结转)"
    assert paragraph.plain == sentence.plain and len(sentence.plain) == len(text)


def test_matcher_memo_answers_like_a_fresh_scan_and_stays_bounded():
    words: Matcher = matcher({"基本支出": ["基本经费"], "项目支出": []})
    fresh: Matcher = matcher({"基本支出": ["基本经费"], "项目支出": []})
    text = "基本经费120万元，项目支出30万元"
    assert words.all(text) == words.all(text) == list(fresh._scan(text)) == [
        (0, 4, "基本支出"), (10, 14, "项目支出")]
    assert words.last(text) == "项目支出" and words.first(text) == "基本支出"
    found = words.all(text)
    found.append((0, 0, "x"))  # a caller changing its list does not change what is remembered
    assert words.all(text)[-1] == (10, 14, "项目支出")
    for k in range(MEMO_ENTRIES + 10):
        words.all(f"第{k}项基本支出")
    assert len(words.memo) <= MEMO_ENTRIES
    long_text = "基本支出" * 40  # longer than a label: scanned, not kept
    words.memo.clear()
    assert len(words.all(long_text)) == 40 and not words.memo


def test_names_nothing_memo_is_bounded_and_per_lexicon():
    lex = lexicon()
    assert names_nothing("全年预算", lex) is True
    assert names_nothing("培训费", lex) is False
    assert lex.names_nothing["全年预算"] is True
    for k in range(MEMO_ENTRIES + 10):
        names_nothing(f"名称{k}", lex)
    assert len(lex.names_nothing) <= MEMO_ENTRIES


def test_label_index_finds_labels_starting_with_pattern_characters():
    labels = {"(一)差旅费": "a", "[甲]项目经费": "b", "-其他支出": "c", "^特别事项": "d", "会议费用": "e"}
    index = LabelIndex(labels)
    text = "其中(一)差旅费12万元、[甲]项目经费3万元、-其他支出和^特别事项及会议费用"
    assert [label for _, _, label in index.finditer(text)] == [
        "(一)差旅费", "[甲]项目经费", "-其他支出", "^特别事项", "会议费用"]
    assert list(LabelIndex({}).finditer(text)) == []


def test_fact_reader_memos_live_per_document():
    """Two documents naming their rows alike are read apart: a phrase's concept remembered for
    one document is not the other's (their row labels differ)."""
    from auditor.ingest.build import build_document
    from auditor.ingest.raw import RawBlock, RawCell

    def document(label: str):
        rows = [[RawCell("项目"), RawCell("金额（万元）")], [RawCell(label), RawCell("12.00")]]
        blocks = [RawBlock("table", rows=rows, line=1), RawBlock("para", text=f"{label}12.00万元。", line=3)]
        return build_document("m.txt", blocks)

    first = reader_module.FactReader(document("信息化运维")).read()
    second = reader_module.FactReader(document("档案整理")).read()
    assert [f.concept for f in first.facts if f.source == "text"] == ["信息化运维"]
    assert [f.concept for f in second.facts if f.source == "text"] == ["档案整理"]


def test_an_audited_document_is_freed_without_the_cyclic_collector(tmp_path):
    """What the rules keep on a document (its fact base refers back to it) is dropped after the
    audit, so reference counting frees the whole document: no collector pass over its objects."""
    import gc

    from auditor.engine import audit_file
    from auditor.model import Document
    from auditor.ruleset import load_rules

    path = tmp_path / "report.txt"
    path.write_text("一、收入支出情况\n2024年度收入合计150.00万元，其中：财政拨款收入120.00万元，"
                    "其他收入30.00万元。\n项目 金额（万元）\n基本支出\t100.00\n项目支出\t50.00\n"
                    "合计\t150.00\n", encoding="utf-8")
    result = audit_file(str(path), load_rules())
    assert result.error is None and result.facts["read"] > 0  # the fact base was built
    enabled = gc.isenabled()
    gc.disable()
    try:
        audit_file(str(path), load_rules())
        # (other tests' documents may be alive in this process: only this file's is asked after)
        assert not [o for o in gc.get_objects() if isinstance(o, Document) and o.path == str(path)]
    finally:
        if enabled:
            gc.enable()


def test_vocabulary_reading_is_shared_and_left_unchanged_by_reads():
    """The reader's attributes from the vocabulary alone are read once per vocabulary and shared
    by every document's reader: reading documents changes none of them (a fresh reading equals
    the shared one), and each reader's per-document state is its own."""
    from auditor.ingest.build import build_document
    from auditor.ingest.raw import RawBlock, RawCell
    from auditor.knowledge import vocabulary_generation

    def document(label: str, unit: str):
        rows = [[RawCell("项目"), RawCell("金额（万元）")], [RawCell(label), RawCell("12.00")]]
        blocks = [RawBlock("para", text=f"{unit}2024年度部门决算", line=1), RawBlock("table", rows=rows, line=2),
                  RawBlock("para", text=f"本局{label}12.00万元，其中：基本支出10.00万元、项目支出2.00万元；"
                                        f"较上年增加1.00万元。", line=4)]
        doc = build_document("m.txt", blocks)
        doc.meta["unit_name"] = unit
        return doc

    shared = reader_module._vocabulary_reading(vocabulary_generation())
    readers = [reader_module.FactReader(document(label, unit))
               for label, unit in (("信息化运维", "清源区档案馆"), ("档案整理", "某某县财政局"))]
    for reader in readers:
        reader.read()
    fresh = reader_module.FactReader.__new__(reader_module.FactReader)
    fresh._read_vocabulary()
    assert reader_module._vocabulary_reading(vocabulary_generation()) is shared
    assert vars(fresh).keys() == shared.keys() and all(vars(fresh)[k] == v for k, v in shared.items())
    assert readers[0].row_labels is not readers[1].row_labels and "档案整理" not in readers[0].row_labels


def test_title_noise_and_own_words_take_out_what_one_pattern_of_them_would():
    """A title's noise and a report's words for its own unit are found without a pattern compiled
    for each unit's name: as the one pattern of all the words (the name among them) finds them."""
    import random
    import re

    from auditor.facts.base.periods import OWN_NAME_CHARS
    from auditor.facts.base.reader import FactReader
    from auditor.facts.lexicon import alternatives
    from auditor.facts.titles import TABLE_NUMBER_RE, TitleNoise
    from auditor.knowledge import compact, concepts

    vocab = concepts()
    kinds, selfish = list(vocab["table_kind_words"]), vocab["unit_self_words"]
    pieces = [*kinds, *selfish["words"], *selfish["kinds"], *vocab["organization_endings"],
              "2024年度", "（单位：万元）", "附表1", "表3-1", "一、", "近三年", "2022—2024年", "收入", " ", "x"]
    rng = random.Random(7)
    for unit in ("", "局", "表", "部门", "决算表", "清源区档案馆", "某某县人民医院", "某某街道办事处"):
        spans = [vocab["multi_year_span"]] if vocab.get("multi_year_span") else []
        noise = re.compile("|".join([TABLE_NUMBER_RE.pattern, *spans, *map(
            re.escape, sorted([w for w in (*kinds, unit) if w], key=len, reverse=True))]))
        words = [*selfish["words"], *(k for k in selfish["kinds"] if unit.endswith(k)),
                 *(p + e for e in vocab["organization_endings"] if unit.endswith(e) for p in selfish["prefixes"])]
        words += [compact(unit)] if len(compact(unit)) >= OWN_NAME_CHARS else []
        own = re.compile(alternatives(words))
        title_noise, own_words = TitleNoise(unit), FactReader._self_words(vocab, unit)
        for _ in range(500):
            text = "".join(rng.choice([*pieces, unit, unit[:2], unit[-2:]]) for _ in range(rng.randint(0, 8)))
            assert title_noise.sub(text) == noise.sub("", text), (unit, text)
            assert own_words.sub("", text) == own.sub("", text), (unit, text)
            assert own_words.found_in(text) == (own.search(text) is not None), (unit, text)


def test_a_label_holding_a_units_own_words_is_read_for_each_document():
    """Labels' readings are kept per vocabulary, but a label holding the words a report names its
    own unit by (医院 in a hospital's report) is read as that report's: 医院收入合计 is a hospital's
    own 本年收入 and, in a health commission's report, the hospitals' income, whichever report of a
    batch is read first."""
    from auditor.ingest.build import build_document
    from auditor.ingest.raw import RawBlock, RawCell

    label = "医院收入合计"

    def row_concept(unit: str) -> str | None:
        rows = [[RawCell("项目"), RawCell("金额（万元）")], [RawCell(label), RawCell("12.00")]]
        doc = build_document("m.txt", [RawBlock("para", text=f"{unit}2024年度部门决算", line=1),
                                       RawBlock("table", rows=rows, line=2)])
        doc.meta["unit_name"] = unit
        return next(f.concept for f in fact_base_module.fact_base(doc).facts if f.value == Decimal("12.00"))

    hospital, commission = "某某县人民医院", "某某县卫生健康委员会"
    readings = set()
    for batch in ((hospital, commission), (commission, hospital)):
        lexicon().labels.clear()  # (a fresh process: no label read yet)
        readings.add(tuple(sorted((unit, row_concept(unit)) for unit in batch)))
    assert len(readings) == 1
    concepts = dict(readings.pop())
    assert concepts[hospital] == "本年收入" and concepts[commission] != "本年收入"
