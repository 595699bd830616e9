from decimal import Decimal

import pytest

from auditor.facts.formula import FormulaError, evaluate
from auditor.facts.numbers import Quantity, cn_to_int, parse_quantity, to_decimal
from auditor.facts.targets import parse_target
from auditor.kinds.base import rounding_note, sum_check


@pytest.mark.parametrize("text,value", [
    ("1,234.50", Decimal("1234.50")), ("（12.5）", Decimal("-12.5")), ("５４１．０４", Decimal("541.04")),
    ("－3", Decimal("-3")), ("abc", None), ("106.62.00", None)])
def test_to_decimal(text, value):
    assert to_decimal(text) == value


def test_quantities_keep_unit_and_precision():
    q = parse_quantity("81.52%")
    assert (q.value, q.unit, q.places) == (Decimal("81.52"), "%", 2)
    assert parse_quantity("106.62 万元").in_base() == Decimal("1066200.00")
    assert Quantity(Decimal("541.04")).interval() == (Decimal("541.035"), Decimal("541.045"))


@pytest.mark.parametrize("text,value", [("十二", 12), ("一千二百", 1200), ("两万", 20000), ("二十六", 26)])
def test_chinese_numerals(text, value):
    assert cn_to_int(text) == value


def test_targets():
    t = parse_target("≥95%")
    assert (t.comparator, t.value, t.unit) == ("≥", Decimal(95), "%")
    assert parse_target("90%以上").comparator == "≥"
    assert parse_target("<4万元/年·人").unit == "万元/年.人"
    assert parse_target("定性") is None


def test_sum_check_reads_whole_counts_as_exact():
    # 82 + 39 + 5 people under 合计 127: a rounding tail for amounts, an error for counts
    parts = [Quantity(Decimal(v)) for v in ("82", "39", "5")]
    assert sum_check(Quantity(Decimal("127")), parts) == "rounding"
    assert sum_check(Quantity(Decimal("127")), parts, counts=True) == "mismatch"
    assert sum_check(Quantity(Decimal("126")), parts, counts=True) == "ok"
    # figures printed with decimals keep their intervals; a declared tolerance still wins
    measured = [Quantity(Decimal("1.25")), Quantity(Decimal("2.36"))]
    assert sum_check(Quantity(Decimal("3.6")), measured, counts=True) == "rounding"
    assert sum_check(Quantity(Decimal("127")), parts, {"absolute": 1}, counts=True) == "ok"


def test_sum_check_uses_printed_intervals():
    parts = [Quantity(Decimal(x)) for x in ("477.9", "31.49", "9.08", "22.58")]
    assert sum_check(Quantity(Decimal("541.04")), parts) == "rounding"
    assert sum_check(Quantity(Decimal("541.05")), parts) == "ok"
    assert sum_check(Quantity(Decimal("542.05")), parts) == "mismatch"
    assert sum_check(Quantity(Decimal("541.04")), parts, {"absolute": 0}) == "mismatch"



def test_a_figure_printed_coarser_may_be_rounded_at_its_own_precision():
    """1,532.6 beside 1,104.27 + 428.35 = 1,532.62: read at the finest precision (1,532.60) the
    gap is 0.02, beyond the two-place tails; rounded at its own precision, 1,532.6 stands for
    [1,532.55, 1,532.65] and holds the sum: a rounding note. Beyond that interval, a mismatch."""
    parts = [Quantity(Decimal("1104.27")), Quantity(Decimal("428.35"))]
    assert sum_check(Quantity(Decimal("1532.6")), parts) == "rounding"
    assert sum_check(Quantity(Decimal("1532.5")), parts) == "mismatch"
    assert sum_check(Quantity(Decimal("1532.60")), parts) == "mismatch"  # two places printed: no such reading
    # a coarse figure (50 beside 300.00: ±0.5 is 1% of it) has its zeros dropped, not rounded
    assert sum_check(Quantity(Decimal("350.40")), [Quantity(Decimal("300.00")), Quantity(Decimal("50"))]) == "mismatch"
    note = rounding_note(Quantity(Decimal("1532.6"), text="1,532.6"), parts, 2)
    assert note == "按各数自身的印刷精度，1,532.6 为区间 [1532.55, 1532.65]，与分项之和区间 [1532.610, 1532.630] 重叠"


def test_formula_language():
    assert evaluate("weight * executed / budget", {"weight": Decimal(10), "executed": Decimal("619.52"),
                                                    "budget": Decimal(760)}).quantize(Decimal("0.01")) == Decimal("8.15")
    assert evaluate("min(weight, 2 * (a - 1))", {"weight": Decimal(5), "a": Decimal(4)}) == 5
    with pytest.raises(FormulaError):
        evaluate("__import__('os')", {})


def test_figures_shown_are_rounded_half_up_as_the_reports_round():
    """四舍五入: 10 × 95.45% = 9.545 is shown 9.55, not 9.54 (half to even)."""
    from decimal import Decimal

    from auditor.facts.numbers import fmt

    assert fmt(Decimal("9.545")) == "9.55"
    assert fmt(Decimal("7.365")) == "7.37"
    assert fmt(Decimal("-0.125")) == "-0.13"


def test_an_accountant_s_bracketed_figure_is_negative_and_a_bracketed_item_number_is_no_figure():
    from auditor.facts.numbers import parse_quantity

    assert parse_quantity("(3.70)").value == Decimal("-3.70")
    assert parse_quantity("（1,203.70）").value == Decimal("-1203.70")
    assert parse_quantity("(0.64)%").value == Decimal("-0.64")
    assert (parse_quantity("(2.10%)").value, parse_quantity("(2.10%)").unit) == (Decimal("-2.10"), "%")
    assert parse_quantity("（71.43%）") is None  # (a share in Chinese brackets: a remark, no fall)
    assert parse_quantity("（1）") is None and parse_quantity("(3)") is None


def test_a_typographic_minus_is_a_minus():
    from auditor.facts.numbers import parse_quantity

    assert parse_quantity("−3.70").value == Decimal("-3.70")
    assert parse_quantity("−25.00%").value == Decimal("-25.00")


def test_a_run_of_column_numbers_in_one_cell_is_no_number():
    """1 2 3 … 12 (a table's 栏次 read into one cell) is no figure 123456789101112; a figure
    grouped by a space (1 234.56) still is."""
    assert parse_quantity("1 2 3 4 5 6 7 8 9 10 11 12") is None
    assert parse_quantity("1 234.56").value == Decimal("1234.56")
    assert to_decimal("1 2 3 4 5 6 7 8 9 10 11 12") is None and to_decimal("1 234.56") == Decimal("1234.56")


def test_a_table_s_column_numbers_in_one_cell_are_no_fact(tmp_path):
    """A table framed only by its box reads each row as one cell: the 栏次 row gives no figure, so
    no 三公经费 of 123456789101112 is set against the text's."""
    from auditor.facts.base import fact_base
    from auditor.ingest import load

    report = tmp_path / "决算.md"
    report.write_text("# 某局2024年度部门决算\n\n表7 “三公”经费支出决算表\n\n单位：万元\n\n"
                      "| 三公经费合计 |\n|---|\n| 1 2 3 4 5 6 7 |\n| 13.03 |\n\n"
                      "2024年度“三公”经费支出决算为13.03万元。\n", encoding="utf-8")
    values = {f.value for f in fact_base(load(str(report))).facts if f.concept == "三公经费"}
    assert values == {Decimal("13.03")}


def test_an_accountant_s_triangle_is_a_minus():
    from auditor.facts.numbers import parse_quantity

    assert parse_quantity("△5.41").value == Decimal("-5.41")
    assert parse_quantity("▲0.64%").value == Decimal("-0.64")
    assert to_decimal("△1,203.70") == Decimal("-1203.70")
    assert parse_quantity("△") is None and parse_quantity("△年度") is None  # (a mark alone: no figure)


def test_a_word_of_a_round_figure_ends_right_before_it_and_gives_its_side():
    from auditor.facts.lexicon import lexicon

    def side(label):
        hedge = lexicon().approximate.search(label)
        return hedge.lastgroup if hedge else None

    assert side("全年投入突破") == "above" and side("全年投入超出") == "above" and side("全年投入逾") == "above"
    assert side("全年投入低于") == "below" and side("全年投入不到") == "below" and side("全年投入近") == "below"
    # a denied word is read whole: 不低于 is a floor, 不超过 a ceiling
    assert side("全年投入不低于") == "above" and side("全年投入不超过") == "below"
    # a word inside the label, not right before the figure, says nothing of it (超长期特别国债资金)
    assert side("超长期特别国债资金") is None and side("接近年底时支出") is None


def test_a_column_numbers_row_may_label_its_first_columns_by_the_stems():
    """甲 | 乙 | 丙 | 1 | 2 | 3 (科目编码, 科目名称, 行次, then the amounts) numbers the columns, as
    栏次 | 1 | 2 | 3 does; a row named 甲 holding figures, or stems out of order, does not."""
    from auditor.facts.numbers import is_column_numbers

    assert is_column_numbers(["甲", "乙", "丙", "1", "2", "3", "4"])
    assert is_column_numbers(["甲", "乙", "1", "2"])
    assert not is_column_numbers(["甲", "1"])
    assert not is_column_numbers(["乙", "甲", "1", "2", "3"])
    assert not is_column_numbers(["甲", "120.50", "30.00"])


def test_a_stems_row_gives_no_facts_to_set_against_the_text():
    """The 栏次 row of a 决算 table labelled 甲/乙/丙 is no row of figures: its 3 under 上级补助收入
    is no 上级补助收入 of 3 against the summary table's 0.00."""
    from auditor.engine import audit_document
    from auditor.examples import document_from_text
    from auditor.ruleset import load_rules

    text = ("某局2025年度部门决算\n表1 收入支出决算总表\n单位：元\n项目\t行次\t金额\n"
            "一、一般公共预算财政拨款收入\t1\t2,450,000.00\n二、上级补助收入\t2\t0.00\n"
            "本年收入合计\t3\t2,450,000.00\n"
            "表2 收入决算表\n单位：元\n科目编码\t科目名称\t行次\t本年收入合计\t财政拨款收入\t上级补助收入\t其他收入\n"
            "甲\t乙\t丙\t1\t2\t3\t4\n"
            "201\t一般公共服务支出\t1\t2450000.00\t2450000.00\t\t\n"
            "20101\t人大事务\t2\t2450000.00\t2450000.00\t\t\n"
            "2010101\t行政运行\t3\t2450000.00\t2450000.00\t\t\n"
            "\t合计\t4\t2450000.00\t2450000.00\t\t\n")
    found = audit_document(document_from_text(text), load_rules()).findings
    assert not [f for f in found if f.rule != "PRE001"], [f.message for f in found]


def test_a_computed_columns_number_counts_in_a_column_numbers_row():
    """栏次 | 1 | 2 | 3=2/1 | 4 | 5=3-4 numbers its columns: a computed column is numbered before its
    formula; a row of figures with an equals sign in a cell stays a row of figures."""
    from auditor.facts.numbers import is_column_numbers

    assert is_column_numbers(["1", "2", "3=2/1", "4", "5=3-4"])
    assert is_column_numbers(["栏次", "1", "2", "3＝1+2"], ("栏次",))
    assert not is_column_numbers(["1", "2", "4=2/1"])  # (no run: 1 2 4)
    assert not is_column_numbers(["合计", "12.50", "3=2/1"])
