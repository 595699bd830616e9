"""Budget-code tables: a malformed figure among the parts leaves the sum unjudged (the
malformed number has its own rule) instead of being summed as if it were absent."""
from __future__ import annotations

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ruleset import load_rules

RULES = {r.id: r for r in load_rules()}
HEADER = "支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"


def sums(text: str):
    return audit_document(document_from_text(text), [RULES["SUM001"], RULES["SUM004"]]).findings


def test_malformed_part_is_not_summed_as_missing():
    text = HEADER + ("合计\t\t80.00\t30.00\t50.00\n"
                     "205\t教育支出\t80.00\t30.00\t50.00\n"
                     "20502\t普通教育\t80.00\t30.00\t50..00\n")
    assert sums(text) == []


def test_wrong_row_total_is_still_found_beside_a_blank_mark():
    text = HEADER + "205\t教育支出\t80.00\t—\t60.00\n"
    [f] = sums(text)
    assert f.rule == "SUM004" and f.stated.endswith("80.00") and f.expected == "60.00"
    assert (f.location.row, f.location.col) == (2, 3)


def test_any_run_of_blank_marks_is_a_blank_not_a_word():
    """An en dash, a long rule or three hyphens (–, ───, ---) say nothing as — does: the row's
    total is still judged over them, and a slip beside them is found."""
    for mark in ("–", "───", "---", "／／"):
        text = HEADER + f"205\t教育支出\t80.00\t{mark}\t60.00\n"
        [f] = sums(text)
        assert f.rule == "SUM004" and f.expected == "60.00", mark
        assert sums(HEADER + f"205\t教育支出\t60.00\t{mark}\t60.00\n") == [], mark


def test_a_total_over_indented_items_with_a_column_of_changes_is_read_by_its_items():
    """基本支出 over 人员经费 and 公用经费 (indented only), an 增减额 column where a part is negative
    (1,119.84 + −14.69 = 1,105.15): the running sum passing the row's figure there is no end of its
    items; the 合计 sums 基本支出 and 项目支出, no finding."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules
    import tempfile, pathlib

    text = ("某局2024年度部门整体支出绩效自评报告\n支出结构对比表\n单位：万元\n项目\t上年决算数\t本年决算数\t增减额\n"
            "本年支出合计\t27,311.80\t28,654.32\t1,342.52\n基本支出\t19,020.45\t20,125.60\t1,105.15\n"
            "人员经费\t16,712.30\t17,832.14\t1,119.84\n公用经费\t2,308.15\t2,293.46\t-14.69\n"
            "项目支出\t8,291.35\t8,528.72\t237.37\n")
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "结构.txt"
        path.write_text(text, encoding="utf-8")
        found = [f for f in audit_file(str(path), load_rules()).findings if f.severity != "info"]
    assert found == []


def test_a_rounding_tail_carried_up_the_codes_is_noted_once_on_the_lowest_row():
    """2050201's 合计 is 0.01 above its columns (rounded apart); 20502, 205 and 合计 print the same
    figures and so the same 0.01: one note, on the row it comes from."""
    text = HEADER + ("合计\t\t120.40\t100.02\t20.37\n"
                     "205\t教育支出\t120.40\t100.02\t20.37\n"
                     "20502\t普通教育\t120.40\t100.02\t20.37\n"
                     "2050201\t学前教育\t120.40\t100.02\t20.37\n")
    notes = [f for f in sums(text) if f.rule == "SUM004"]
    assert [(f.severity, f.location.row) for f in notes] == [("info", 5)]
    assert notes[0].stated.endswith("120.40") and notes[0].expected == "120.39"
