"""The fact base and the rules that reason over it, on texts written for these tests.

Each real-report pattern the facts issue lists has a firing and a quiet case here.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.ruleset import load_rules

RULES = load_rules()


def facts_of(text: str):
    return fact_base(document_from_text(text)).facts


def findings(text: str, *rule_ids: str):
    rules = [r for r in RULES if not rule_ids or r.id in rule_ids]
    return [f for f in audit_document(document_from_text(text), rules).findings if f.severity != "info"]


HEAD = "示范区文化馆2025年度部门决算\n"


def test_a_sentence_figure_takes_concept_measure_period_and_precision():
    facts = facts_of(HEAD + "一般公共预算财政拨款支出年初预算为120.50万元，全年预算130.00万元，支出决算为128.46万元。"
                            "上年决算数为110.2万元。\n")
    by_value = {f.value: f for f in facts}
    initial = by_value[Decimal("120.50")]
    assert (initial.concept, initial.measure, initial.period, initial.unit, initial.places) == \
        ("一般公共预算财政拨款支出", "年初预算", "本年", "万元", 2)
    assert by_value[Decimal("130.00")].measure == "全年预算"
    assert by_value[Decimal("128.46")].measure == "决算"  # “支出决算” names no concept: it is carried
    assert by_value[Decimal("128.46")].concept == "一般公共预算财政拨款支出"
    prior = by_value[Decimal("110.2")]
    assert prior.period == "上年" and prior.interval() == (Decimal("110.15"), Decimal("110.25"))


def test_a_table_cell_takes_its_row_and_column_context():
    facts = facts_of(HEAD + "经费情况表\n单位：万元\n项目\t2024年决算数\t2025年预算数\t2025年决算数\n"
                            "公务接待费\t1.20\t2.00\t1.10\n")
    cells = {(f.period, f.measure): f for f in facts if f.source == "table"}
    assert cells[("上年", "决算")].value == Decimal("1.20")
    assert cells[("本年", "全年预算")].value == Decimal("2.00")
    assert cells[("本年", "决算")].concept == "公务接待费" and cells[("本年", "决算")].unit == "万元"
    assert cells[("本年", "决算")].loc.row == 2 and cells[("本年", "决算")].loc.col == 4


def test_a_column_head_names_its_own_unit_beside_money_columns():
    """养护里程（公里） holds lengths, though the table's other column is in 万元."""
    facts = facts_of("某县2024年度农村公路养护资金绩效自评报告\n养护资金测算表\n路线等级\t养护里程（公里）\t"
                     "补助资金（万元）\t受益户数（户）\n县道\t186.4\t186.40\t1,200\n乡道\t412.6\t206.30\t3,400\n")
    units = {f.header: f.unit for f in facts if f.source == "table"}
    assert units == {"养护里程（公里）": "公里", "补助资金（万元）": "万元", "受益户数（户）": "户"}


def test_a_column_head_naming_a_count_keeps_its_figures_out_of_money():
    """救助人次 in a table in 万元 counts people; 数量 counts things in no unit; the head's own unit wins."""
    facts = facts_of("某局2024年度社会救助情况\n单位：万元\n救助类别\t救助人次\t受助户数\t数量\t支出金额\n"
                     "临时救助\t2,480\t1,020\t12\t1,286.50\n特困供养\t6,215\t3,100\t8\t3,104.80\n")
    cells = {f.header: (f.measure, f.unit) for f in facts if f.source == "table" and f.concept == "临时救助"}
    assert cells == {"救助人次": ("实际值", "人次"), "受助户数": ("实际值", "户"), "数量": ("实际值", ""),
                     "支出金额": ("决算", "万元")}
    counted = facts_of("某局2024年度社会救助情况\n单位：万元\n救助类别\t救助人次（万人次）\t支出金额\n"
                       "临时救助\t1.25\t1,286.50\n")
    assert {f.unit for f in counted if f.header == "救助人次（万人次）"} == {"万人次"}


def test_a_plan_word_inside_a_printed_name_or_the_title_plans_nothing():
    facts = facts_of("某局2024年度科技计划项目经费绩效自评报告\n其中重点研发计划立项45项。\n"
                     "项目类别\t立项数（项）\n基础研究计划\t38\n重点研发计划\t54\n")
    assert [f.measure for f in facts if f.source == "text"] == ["实际值"]


def test_a_sentence_opening_on_its_plan_states_the_outcome_its_words_name():
    by_text = {f.text: f.measure for f in facts_of(HEAD + "全年计划救助85人，实际救助88人。\n")}
    assert by_text == {"85人": "目标值", "88人": "实际值"}


def test_a_table_titled_with_last_year_only_states_last_years_figures():
    facts = facts_of("某中心2025年单位预算\n表12 2024年全县公共资源交易情况（参阅）\n交易类别\t成交金额（亿元）\n"
                     "政府采购\t6.2148\n表13 2025年收支预算表\n项目\t金额（万元）\n政府采购\t42.00\n"
                     "表14 2024年度项目支出绩效自评表\n项目\t金额（万元）\n培训\t8.00\n")
    periods = {f.value: f.period for f in facts if f.source == "table"}
    # (a 年度 title states a year's accounts: last year's there is a misprint PER004 tells, not last year)
    assert periods == {Decimal("6.2148"): "上年", Decimal("42.00"): "本年", Decimal("8.00"): "本年"}


def test_a_classification_item_links_its_sentence_to_the_table_row():
    text = (HEAD + "支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\n2080501\t行政单位离退休\t36.40\n\n"
            "3.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。年初预算为30.00万元，"
            "支出决算为36.04万元。\n")
    found = findings(text, "FCT001")
    assert [(f.stated, f.expected) for f in found] == [("36.04万元", "36.40万元")]  # the table's unit said
    assert "第1张表" in found[0].formula and "正文" in found[0].formula


def test_two_counted_statements_of_one_fact_disagree():
    text = HEAD + "人员情况（人）\t编制数\t实有人数\n\t18\t17\n\n年末实有人员16人。\n"
    assert [(f.stated, f.expected) for f in findings(text, "FCT001")] == [("16人", "17人")]  # the header's unit said
    assert not findings(text.replace("16人", "17人"), "FCT001")


def test_prior_year_columns_and_rounding_tails_stay_quiet():
    text = (HEAD + "收入支出决算总表\n单位：万元\n项目\t上年决算数\t决算数\n本年支出合计\t90.00\t100.01\n\n"
            "本年支出合计100.02万元，上年为90.00万元。\n")
    assert not findings(text, "FCT001")  # one unit of the last digit apart: a tail, reported as info
    tails = audit_document(document_from_text(text), [r for r in RULES if r.id == "FCT001"]).findings
    assert [f.cls for f in tails] == ["rounding"]


def test_two_items_shares_swapped_are_named():
    text = HEAD + "本年支出合计800.00万元，其中：基本支出600.00万元，占25%；项目支出200.00万元，占75%。\n"
    found = findings(text, "DRV001")
    assert len(found) == 2 and all("互换" in f.formula for f in found)


def test_a_completion_rate_that_is_really_the_shortfall():
    text = HEAD + "公务接待费全年预算10.00万元，支出决算8.00万元，完成预算的20%。\n"
    [found] = findings(text, "DRV002")
    assert found.expected == "80.00%" and "未完成部分" in found.formula


def test_a_rate_computed_against_the_budget_the_words_do_not_name():
    text = HEAD + "本年支出年初预算为0万元，全年预算为50.00万元，支出决算为45.00万元，完成年初预算的90.00%。\n"
    [found] = findings(text, "DRV002")
    assert "全年预算" in found.formula


def test_structure_shares_adding_past_100_percent():
    text = (HEAD + "一般公共预算财政拨款支出300.00万元，主要用于：一般公共服务支出（类）200.00万元，占70%；"
            "住房保障支出（类）100.00万元，占35%。\n")
    assert any(f.expected == "≤ 100%" for f in findings(text, "DRV006"))


def test_a_growth_rate_from_unrounded_amounts_on_a_tiny_base_stays_quiet():
    # 0.04 → 0.05 printed; the true base may be 0.035–0.045, so 25%–43% are all possible
    text = HEAD + "公务接待费0.05万元，较上年增加0.01万元，增长33%。\n"
    assert not findings(text, "DRV003")


def test_a_zero_total_row_above_a_non_zero_part_row():
    text = (HEAD + "自评表\n单位：万元\n项目\t全年预算数\t全年执行数\n年度资金总额\t0.00\t0.00\n"
            "其中：财政拨款\t80.00\t76.00\n")
    found = findings(text, "CAL001")
    assert {(f.location.row, f.stated) for f in found} == {(2, "0.00")}


def test_a_total_in_yuan_whose_parts_are_in_wan_yuan_is_a_unit_slip():
    text = HEAD + "本年支出合计1502.30元，其中：基本支出1000.00万元，项目支出502.30万元。\n"
    [found] = findings(text, "CAL001")
    assert found.cls == "unit_error" and found.expected == "1502.30万元"


def test_direction_words_against_the_numbers():
    text = HEAD + "2.住房公积金（项）。年初预算为40.00万元，支出决算为36.00万元。决算数与预算数持平。\n"
    [found] = findings(text, "DIR001")
    assert (found.stated, found.expected) == ("持平", "小于")
    assert not findings(text.replace("持平", "小于").replace("与预算数小于", "小于预算数"), "DIR001")


@pytest.mark.parametrize("listing, fires", [
    ("本单位内设科室10个，分别为：综合科、财务科、业务一科、业务二科、业务三科、信息科、法规科、审计科、后勤科。", True),
    ("本单位内设科室9个，分别为：综合科、财务科、业务一科、业务二科、业务三科、信息科、法规科、审计科、后勤科。", False),
])
def test_a_count_of_ten_followed_by_nine_names(listing, fires):
    assert bool([f for f in findings(HEAD + listing + "\n") if f.cls == "count_mismatch"]) == fires


def test_a_numbered_list_repeating_a_number():
    text = (HEAD + "一、基本情况\n二、收支情况\n（一）收入\n（二）支出\n二、三公经费\n")
    assert any(f.cls == "numbering" for f in findings(text))


def test_the_fact_frame_is_validated_by_its_schema():
    base = fact_base(document_from_text(HEAD + "本年支出合计100.00万元，其中基本支出60.00万元。\n"))
    frame = base.frame()
    assert list(frame["measure"]) == ["决算", "决算"] and frame["quote"].str.len().min() > 0


def test_a_year_before_last_is_its_own_period_and_passes_the_schema():
    """“较2023年的…” in a 2025 report is neither this year's nor last year's figure (往年); the
    fact frame's schema knows that period too."""
    base = fact_base(document_from_text(HEAD + "本年支出合计2,865.40万元，较2023年的2,598.00万元增长10.29%。\n"))
    older = next(f for f in base.facts if f.text.startswith("2,598.00"))
    assert older.period == "往年"
    assert "往年" in set(base.frame()["period"])


def test_points_taken_off_pass_the_schema():
    """The reader's own measures (扣1分 is points taken off) are in the fact frame's schema."""
    base = fact_base(document_from_text("某局2025年度部门整体支出绩效自评报告\n决策指标得14分，目标不够细化，扣1分。\n"))
    assert list(base.frame()["measure"]) == ["得分", "扣分"]


def test_a_year_before_a_figure_belongs_to_its_words():
    """“比2024年度的5.00万元”: the year names the prior period and does not cut the phrase, so the
    figure keeps its concept (“公务接待费支出决算数比2024年度减少”)."""
    facts = facts_of(HEAD + "2025年度“三公”经费支出决算为4.20万元，比2024年度的5.00万元减少0.80万元。\n"
                            "公务接待费支出决算数比2024年度减少0.30万元。\n")
    by_value = {f.value: f for f in facts}
    prior = by_value[Decimal("5.00")]
    assert (prior.concept, prior.measure, prior.period) == ("三公经费", "决算", "上年")
    change = by_value[Decimal("0.30")]
    assert (change.concept, change.measure, change.period, change.sign) == ("公务接待费", "变动额", "本年", -1)
    assert by_value[Decimal("4.20")].quote.startswith("2025年度")


def test_a_cited_document_number_and_a_date_are_words_not_figures():
    facts = facts_of(HEAD + "根据财预〔2024〕12号文件，截至2025年12月31日，基本支出为90.00万元。\n")
    assert [(f.value, f.concept) for f in facts] == [(Decimal("90.00"), "基本支出")]


# A table that prints no unit (no 单位 line, no unit in its headers) beside a text stating its figures.
UNITLESS_TABLE = ("“三公”经费支出决算表\n项目\t本年决算数\t上年决算数\n合计\t{total}\t14.00\n"
                  "因公出国（境）费\t0.00\t0.00\n公务用车购置及运行维护费\t9.80\t11.20\n公务接待费\t{reception}\t2.80\n")


def test_a_table_printing_no_unit_is_read_in_the_unit_the_text_states_its_figures_in():
    text = HEAD + ("“三公”经费支出12.60万元，其中：公务用车购置及运行维护费9.80万元，公务接待费2.80万元。\n"
                   + UNITLESS_TABLE.format(total="12.60", reception="3.80"))
    doc = document_from_text(text)
    base = fact_base(doc)
    assert list(base.assumed_units.values()) == ["万元"]
    cell = next(f for f in base.facts if f.source == "table" and f.concept == "公务接待费" and f.period == "本年")
    assert (cell.unit, cell.measure) == ("万元", "决算")
    found = [f for f in audit_document(doc, RULES).findings if f.rule == "FCT001"]
    # (the table's 合计 12.60 holds with the text's 2.80, not with its own 3.80: the cell is told)
    assert [(f.stated, f.expected) for f in found] == [("3.80", "2.80万元")]
    assert "该表未注明单位" in found[0].formula


def test_a_unit_is_not_assumed_on_one_agreeing_figure_or_on_conflicting_ones():
    one = HEAD + "“三公”经费支出12.60万元。\n" + UNITLESS_TABLE.format(total="12.60", reception="2.80")
    assert fact_base(document_from_text(one)).assumed_units == {}
    # 9.80 agrees read as 万元, 126000 as 元: no single unit is clear
    both = HEAD + ("“三公”经费支出12.60万元，公务用车购置及运行维护费9.80万元。\n"
                   "“三公”经费支出决算表\n项目\t本年决算数\n合计\t126000.00\n因公出国（境）费\t0.00\n"
                   "公务用车购置及运行维护费\t9.80\n公务接待费\t2.80\n")
    assert fact_base(document_from_text(both)).assumed_units == {}


def test_a_unit_is_assumed_on_rows_the_text_states_in_money():
    """Rows of classes the vocabulary does not know as money (社会保障和就业支出), which the text
    states in 万元 with the table's figures, are evidence of its unit as known concepts are; a
    row restated otherwise is then told (FCT001)."""
    text = HEAD + ("财政拨款支出340.50万元，其中：社会保障和就业支出（类）200.25万元，城乡社区支出（类）"
                   "101.25万元，农林水支出（类）40.00万元。\n"
                   "项目\t金额\n社会保障和就业支出\t200.25\n城乡社区支出\t100.25\n农林水支出\t40.00\n合计\t340.50\n")
    doc = document_from_text(text)
    assert list(fact_base(doc).assumed_units.values()) == ["万元"]
    found = [f for f in audit_document(doc, RULES).findings if f.rule == "FCT001"]
    assert [(f.stated, f.expected) for f in found] == [("101.25万元", "100.25万元")]


def test_a_table_printing_no_unit_still_adds_up():
    text = HEAD + UNITLESS_TABLE.format(total="12.60", reception="3.80")
    found = findings(text, "CAL001")
    assert [(f.stated, f.expected, f.location.row) for f in found] == [("12.60", "13.60", 2)]
    assert findings(HEAD + UNITLESS_TABLE.format(total="12.60", reception="2.80"), "CAL001") == []


def test_prose_before_a_table_is_no_title_and_a_total_row_is_named_by_its_parts():
    # the sentence before the table names 整体支出; the table's 合计 is the 三公 total its rows make up
    text = HEAD + ("本部门2025年度整体支出绩效自评得分为93.50分，评价等级为优。\n单位：万元\n"
                   "项目\t本年决算数\t上年决算数\n合计\t19.36\t21.40\n因公出国（境）费\t0.00\t0.00\n"
                   "公务用车购置及运行维护费\t15.24\t17.80\n公务接待费\t3.12\t3.60\n")
    doc = document_from_text(text)
    assert "自评得分" not in doc.tables[0].title
    total = next(f for f in fact_base(doc).facts if f.source == "table" and f.label == "合计" and f.period == "本年")
    assert total.concept == "三公经费"
    found = findings(text, "CAL001")
    assert [(f.stated, f.expected) for f in found] == [("19.36", "18.36万元")]


def test_a_table_code_line_is_no_title_the_name_above_it_is():
    """公开04表 between the title and the unit line numbers the table: the title, naming its fund,
    is the line above, so the fund's figures are not read as all funds'."""
    text = HEAD + ("财政拨款收入支出决算总表\n公开04表\n编制单位：某局　2025年度　单位：万元\n"
                   "项目\t决算数\n本年收入\t120.00\n本年支出\t118.00\n")
    doc = document_from_text(text)
    assert doc.tables[0].title == "财政拨款收入支出决算总表"
    assert {f.concept for f in fact_base(doc).facts if f.source == "table"} == {"财政拨款收入", "财政拨款支出"}


def test_the_fund_a_title_names_first_and_the_funds_own_totals():
    """政府性基金预算财政拨款收入支出决算表 is the 政府性基金 fund's, not all 财政拨款; 财政拨款收、支总计
    is the fund's total; 本年度收入支出总计 is the whole total, not this year's income."""
    text = HEAD + ("政府性基金预算财政拨款收入支出决算表\n单位：万元\n项目\t决算数\n本年收入\t87.38\n本年支出\t94.88\n")
    table = {f.concept for f in fact_base(document_from_text(text)).facts if f.source == "table"}
    assert table == {"政府性基金预算财政拨款收入", "政府性基金预算财政拨款支出"}
    said = HEAD + "财政拨款收、支总计均为395.43万元。本年度收入支出总计9,301.25万元。\n"
    assert [f.concept for f in fact_base(document_from_text(said)).facts] == ["财政拨款收支总计", "收支总计"]


def test_a_funds_list_over_paragraphs_and_a_name_cut_by_a_comma():
    """一般公共预算财政拨款基本支出…，其中：then a paragraph for each part: the parts are the fund's.
    财政拨款收、支总计各增加…: the change is of the fund's total, not of 总计."""
    text = HEAD + ("一般公共预算财政拨款基本支出300.00万元，其中：\n人员经费250.00万元，主要包括基本工资。\n"
                   "公用经费50.00万元，主要包括办公费。\n")
    parts = [f for f in fact_base(document_from_text(text)).facts if f.concept in ("人员经费", "公用经费")]
    assert [f.fund for f in parts] == ["一般公共预算", "一般公共预算"]
    said = HEAD + "财政拨款收、支总计均为380.00万元。与上年相比，财政拨款收、支总计各增加20.00万元，增长5.56%。\n"
    assert {f.concept for f in fact_base(document_from_text(said)).facts} == {"财政拨款收支总计"}


def test_a_fund_one_bracketed_part_names_ends_with_the_bracket():
    """财政拨款收入…（其中一般公共预算拨款…），占…；事业收入…: the fund the bracketed part names is
    that part's alone; the share after the bracket and the sibling after the ； are no fund's."""
    text = HEAD + "收入预算中，财政拨款收入500.00万元（其中一般公共预算拨款420.00万元），占83.33%；事业收入100.00万元。\n"
    funds = {f.value: f.fund for f in facts_of(text)}
    assert funds == {Decimal("500.00"): "", Decimal("420.00"): "一般公共预算", Decimal("83.33"): "",
                     Decimal("100.00"): ""}


def test_a_growth_rate_is_computed_from_this_years_figure_not_last_years_named_before_it():
    text = HEAD + "“三公”经费支出18.36万元，较上年的21.40万元下降14.21%。\n"
    assert findings(text, "DRV003") == []
    wrong = HEAD + "“三公”经费支出18.36万元，较上年的21.40万元下降4.21%。\n"
    assert [f.expected for f in findings(wrong, "DRV003")] == ["14.21%"]


def test_a_score_tables_total_row_is_the_total_score_the_text_restates():
    table = ("绩效自评表\n一级指标\t三级指标\t分值\t得分\n产出\t完成培训人次\t60\t55\n效果\t群众满意度\t40\t38\n"
             "小计\t\t100\t93\n合计\t\t100\t{total}\n")
    text = HEAD + "本部门整体支出绩效自评得分为93.00分。\n" + table
    facts = fact_base(document_from_text(text.format(total="93"))).facts
    concept_of = {f.label: f.concept for f in facts if f.measure == "得分" and f.label in ("合计", "小计")}
    assert concept_of["合计"] == "自评得分" and concept_of["小计"] != "自评得分"  # a subtotal is a part
    assert findings(text.format(total="93"), "FCT001") == []
    assert [(f.stated, f.expected) for f in findings(text.format(total="95"), "FCT001")] == [("93.00分", "95分")]


def test_a_narrative_quantity_in_a_unit_of_length_is_compared_with_the_table_stating_it():
    form = ("项目支出绩效自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t数量指标\t改造老旧管网\t50公里\t46.5公里\t100\t93\n")
    stated = HEAD + "全年改造老旧管网{}公里，完成年度目标的93%。\n" + form
    assert findings(stated.format("46.5"), "FCT001") == []
    assert [(f.stated, f.expected) for f in findings(stated.format("45.6"), "FCT001")] == [("45.6公里", "46.5公里")]


def test_a_unit_the_vocabulary_adds_makes_a_figure():
    from auditor.knowledge import extend_vocabulary

    text = HEAD + "全年清运垃圾120.5车。\n"
    assert not [f for f in facts_of(text) if f.value == Decimal("120.5")]
    extend_vocabulary({"text_units": ["车"]})
    try:
        assert [f.unit for f in facts_of(text) if f.value == Decimal("120.5")] == ["车"]
    finally:
        extend_vocabulary(None)


PROJECT_FORM = ("项目支出绩效自评表\n项目名称\t{name}\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
                "产出指标\t数量指标\t新建供水工程\t12处\t12处\t100\t{score}\n总分\t\t\t\t\t100\t{score}\n")


def test_in_a_one_project_report_the_figures_of_this_project_are_its_forms():
    text = ("某县水利局2025年度项目支出绩效自评报告\n经自评，本项目自评得分98.00分。\n"
            + PROJECT_FORM.format(name="农村饮水工程", score="{score}"))
    assert findings(text.format(score="98"), "FCT001") == []
    assert [(f.stated, f.expected) for f in findings(text.format(score="96"), "FCT001")] == [("98.00分", "96分")]


def test_with_two_projects_this_projects_figures_are_no_forms():
    text = ("某县水利局2025年度项目支出绩效自评报告\n经自评，本项目自评得分98.00分。\n"
            + PROJECT_FORM.format(name="农村饮水工程", score="96") + PROJECT_FORM.format(name="河道治理工程", score="96"))
    assert findings(text, "FCT001") == []


def test_a_sentence_naming_another_project_keeps_its_figures_unnamed():
    head = "某县水利局2025年度项目支出绩效自评报告\n"
    form = PROJECT_FORM.format(name="农村饮水工程", score="98")
    for sentence in ("本项目下设“水厂改造”子项目，该子项目自评得分90.00分。", "项目自评覆盖资金300万元，平均自评得分92.00分。"):
        assert findings(head + sentence + "\n" + form, "FCT001") == []


def test_a_lead_in_ending_with_a_colon_still_names_the_table():
    text = HEAD + ("本年支出合计900.00万元，其中：基本支出600.00万元，项目支出300.00万元。\n"
                   "根据决算数据，一般公共预算财政拨款支出情况如下：\n单位：万元\n项目\t决算数\n合计\t800.00\n"
                   "基本支出\t500.00\n项目支出\t300.00\n")
    doc = document_from_text(text)
    assert doc.tables[0].title.endswith("情况如下：")
    assert findings(text, "FCT001") == []


def test_a_score_tables_total_is_the_total_score_whatever_its_title_names():
    text = ("某局2025年度部门整体支出绩效自评报告\n本部门整体支出绩效自评得分95.00分。\n部门整体支出绩效自评表\n"
            "一级指标\t三级指标\t分值\t得分\n产出\t培训人次\t60\t55\n效果\t满意度\t40\t38\n合计\t\t100\t93\n")
    assert [(f.stated, f.expected) for f in findings(text, "FCT001")] == [("95.00分", "93分")]



def test_the_parts_of_a_funds_total_listed_after_it_are_of_that_fund_and_nothing_else_is():
    text = HEAD + "2025年度一般公共预算财政拨款基本支出500.00万元，其中：人员经费420.00万元，公用经费80.00万元，项目支出30.00万元。\n"
    assert [(f.concept, f.fund) for f in facts_of(text)] == [
        ("一般公共预算财政拨款基本支出", ""), ("人员经费", "一般公共预算"), ("公用经费", "一般公共预算"), ("项目支出", "")]


FORM = ("2025年度项目支出绩效自评表\n单位：万元\n项目名称\t社区食堂建设\t\t\n"
        "项目资金\t全年预算数\t全年执行数\t执行率\n年度资金总额\t80.00\t76.00\t95.00%\n"
        "{left_head}\t\t{right_head}\t\n{left}\t\t{right}\t\n")


def test_a_form_s_prose_cell_is_read_as_text_about_the_form_s_project():
    facts = facts_of(FORM.format(left_head="年度目标", right_head="完成情况说明",
                                 left="新建社区食堂2处，年度预算80.00万元，当年投入使用。",
                                 right="建成社区食堂2处，全年执行资金76.00万元，执行率95.00%；3家餐饮企业参与运营。"))
    prose = [f for f in facts if f.source == "text"]
    # the plan cell (年度目标) is not read: its 80.00 is planned, not spent
    assert [(f.concept, f.measure, f.value, f.unit) for f in prose if f.unit in ("万元", "%", "家")] == [
        ("年度资金总额", "决算", Decimal("76.00"), "万元"),
        ("预算执行率", "实际值", Decimal("95.00"), "%"),
        (None, "实际值", Decimal("3"), "家")]  # a count after a rate does not take the rate's concept
    assert {f.subject for f in prose} == {"社区食堂建设"}
    assert {(f.loc.table, f.loc.row, f.loc.col) for f in prose} == {(1, 5, 3)}
    assert all(f.where().endswith("第1张表 第5行第3列") for f in prose)  # a cell, not 正文


def test_a_form_s_prose_cell_restating_its_outturn_differently_is_reported_in_its_cell():
    text = FORM.format(left_head="预期目标", right_head="实际完成情况", left="新建社区食堂2处，当年投入使用。",
                       right="建成社区食堂2处，全年执行资金78.00万元，已投入使用。")
    found = findings(text, "FCT001")
    assert [(f.rule, f.stated, f.expected, f.location.row, f.location.col) for f in found] == [
        ("FCT001", "78.00万元", "76.00万元", 5, 3)]
    assert not findings(text.replace("78.00万元", "76.00万元"), "FCT001")


def test_each_form_s_prose_is_about_its_own_project():
    first = FORM.format(left_head="预期目标", right_head="实际完成情况", left="新建社区食堂2处，当年投入使用。",
                        right="建成社区食堂2处，全年执行资金76.00万元，已投入使用。")
    second = first.replace("社区食堂建设", "老年助餐点").replace("76.00", "50.00").replace("80.00", "60.00")
    prose = [f for f in facts_of(first + "\n" + second) if f.source == "text" and f.is_money]
    assert [(f.subject, f.value) for f in prose] == [("社区食堂建设", Decimal("76.00")), ("老年助餐点", Decimal("50.00"))]
    assert not findings(first + "\n" + second, "FCT001")


def test_a_count_named_after_it_takes_the_indicator_its_unit_is_printed_with():
    table = ("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
             "产出指标\t数量指标\t发放创新券企业数\t≥150家\t163家\t20\t20\n"
             "\t数量指标\t远程评标项目\t≥100个\t131个\t10\t10\n")
    text = ("2025年度项目支出绩效自评报告\n全年向168家科技型中小企业发放创新券，"
            "与21个地市交易中心开展远程评标合作。\n" + table)
    by_value = {f.value: f for f in facts_of(text) if f.source == "text"}
    assert by_value[Decimal("168")].concept == "发放创新券企业数"
    assert by_value[Decimal("21")].concept is None  # it counts 地市, not 远程评标项目
    assert [(f.stated, f.expected) for f in findings(text, "FCT001")] == [("168家", "163家")]
    assert not findings(text.replace("168家", "163家"), "FCT001")


def test_a_table_with_the_years_as_rows_takes_the_period_from_the_row_and_the_concept_from_the_column():
    facts = facts_of(HEAD + "收支对比表\n单位：万元\n年度\t收入合计\t支出合计\n2024年\t980.00\t950.00\n"
                            "2025年决算数\t1,100.00\t1,060.00\n2026年\t1,300.00\t1,300.00\n")
    read = {(f.concept, f.period, f.measure): f.value for f in facts if f.source == "table"}
    # (收入合计 and 支出合计 are the vocabulary's 本年收入 / 本年支出: the year's totals)
    assert read == {("本年收入", "上年", "决算"): Decimal("980.00"), ("本年支出", "上年", "决算"): Decimal("950.00"),
                    ("本年收入", "本年", "决算"): Decimal("1100.00"), ("本年支出", "本年", "决算"): Decimal("1060.00")}
    # the plan year's row states nothing the checks could place


def test_one_row_named_by_a_year_and_a_measure_is_an_indicator_not_a_period_row():
    facts = facts_of(HEAD + "项目支出绩效自评表\n一级指标\t三级指标\t年度指标值\t实际完成值\n"
                            "成本指标\t2025年年初预算\t106.62万元\t106.62万元\n")
    assert {f.label for f in facts if f.source == "table"} == {"2025年年初预算"}
    assert all(f.concept == "2025年年初预算" for f in facts if f.source == "table")


def test_a_three_public_table_with_one_row_per_group_is_summed_row_by_row():
    table = ("“三公”经费支出情况表\n单位：万元\n年度\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\n"
             "2025年预算数\t12.00\t0.00\t8.00\t4.00\n本年决算数\t{total}\t0.00\t7.50\t3.20\n上年决算数\t11.90\t0.00\t8.10\t3.80\n")
    assert findings(HEAD + table.format(total="10.70"), "SUM003") == []
    [hit] = findings(HEAD + table.format(total="10.90"), "SUM003")
    assert (hit.location.row, hit.location.col, hit.expected) == (3, 2, "10.70")


def test_every_measure_of_the_vocabulary_passes_the_fact_frame_schema():
    # 年中追加预算 is its own measure (an increment, no budget level): the schema takes the
    # vocabulary's measures, not a list of its own
    base = fact_base(document_from_text(HEAD + "年初预算1,200.00万元，年中追加预算86.40万元，全年实际支出1,276.40万元。\n"))
    assert [f.measure for f in base.facts] == ["年初预算", "追加预算", "决算"]
    assert list(base.frame()["measure"]) == ["年初预算", "追加预算", "决算"]


def test_a_change_after_a_clause_stating_nothing_spent_is_that_things():
    facts = facts_of(HEAD + "公务接待费1.96万元，较上年减少0.51万元；因公出国（境）费支出为零，较上年减少3.10万元。"
                            "公务用车运行维护费为0，比上年减少2.00万元。\n")
    changes = [(f.concept, f.value) for f in facts if f.measure == "变动额"]
    assert changes == [("公务接待费", Decimal("0.51")), ("因公出国（境）费", Decimal("3.10")),
                       ("公务用车运行维护费", Decimal("2.00"))]


def test_a_column_head_path_is_read_from_its_leaf_and_a_change_between_years_is_the_later_year_s():
    """2025年比2024年增减 › 增减率: the change of 2025 on 2024 (this year's), and a rate, not an
    amount; 2024年预计执行 is last year's expected outturn, no budget and no outturn (预计)."""
    text = ("某局2025年部门预算公开\n一般公共预算支出表\n单位：万元\n"
            "科目名称\t2024年预计执行\t2025年预算数\t2025年比2024年增减\t\n"
            "\t\t\t增减额\t增减率\n事业运行\t886.20\t912.54\t26.34\t2.97%\n")
    read = {f.text: (f.measure, f.period) for f in facts_of(text) if f.concept == "事业运行"}
    assert read == {"886.20": ("预计", "上年"), "912.54": ("全年预算", "本年"),
                    "26.34": ("变动额", "本年"), "2.97%": ("变动率", "本年")}


def test_sentence_amounts_in_wan_restate_table_cells_in_yuan():
    """The coverage figure counts a 万元 sentence amount as restating a 元 table cell that rounds to it."""
    from auditor.facts.frame import linked_share

    doc = document_from_text("某局2024年度部门决算\n收入支出决算总表\n单位：元\n项目\t决算数\n本年收入合计\t6,516,100.00\n"
                             "本年支出合计\t6,516,100.00\n\n说明\n本年收入合计651.61万元，本年支出合计651.61万元。\n")
    assert linked_share(fact_base(doc)) == (2, 2)


def test_one_misprinted_item_of_a_list_leaves_the_other_shares_on_the_stated_total():
    """The shares of one list are of one whole: the total the paragraph before states, which three
    of the four fit; not the sum of the items as printed, which the misprinted item inflates."""
    text = ("某局2026年部门预算公开说明\n2026年一般公共预算支出1,922.00万元。\n按功能分类：一般公共服务支出"
            "1,593.00万元，占80.1%；社会保障和就业支出210.56万元，占11.0%；卫生健康支出62.00万元，占3.2%；"
            "住房保障支出110.44万元，占5.7%。\n")
    found = [f for f in findings(text, "DRV001")]
    assert [(f.stated, f.expected) for f in found] == [("80.1%", "82.88%")]


def test_a_plan_s_figures_under_a_later_year_s_heading_leave_this_year_s_annexed_tables_alone():
    text = ("关于某县2024年预算执行情况和2025年预算草案的报告\n二、2025年预算草案\n"
            "2025年一般公共预算收入预计64.20亿元，加上级补助收入71.35亿元。\n附表\n"
            "2024年一般公共预算收支平衡表\n单位：万元\n收入项目\t金额\t支出项目\t金额\n"
            "一般公共预算收入\t626,500\t一般公共预算支出\t1,340,000\n上级补助收入\t735,100\t结转下年\t21,600\n")
    table = [f for f in facts_of(text) if f.source == "table"]
    assert table and all(f.period == "本年" for f in table)
    assert not findings(text, "FCT001")


def test_forms_stacked_on_one_sheet_each_read_under_their_own_heads(tmp_path):
    """Project forms one under the other on a sheet, no blank row between: the next form's 项目名称
    and 主管部门 lines open a new header (its 年初预算数 | 全年预算数 … row follows), no empty lines
    of the form above, so each form's 年度资金总额 is summed with its own 其中 rows only."""
    import openpyxl

    from auditor.ingest import load

    def form(name, total, grant, carried, score):
        return [["项目支出绩效自评表"], ["（2024年度）"], ["项目名称", name],
                ["主管部门", "某局", None, None, None, "实施单位", "某中心"],
                ["项目资金（万元）", None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                [None, "年度资金总额", None, *total, 10, f"{total[2] / total[1]:.2%}", score],
                [None, "其中：当年财政拨款", None, *grant, "—", "—", "—"],
                [None, "上年结转资金", None, *carried, "—", "—", "—"],
                [None, "其他资金", None, 0, 0, 0, "—", "—", "—"],
                ["年度总体目标", "预期目标", None, None, None, None, "实际完成情况"],
                [None, "完成全年各项工作任务，服务群众满意度不低于90%。", None, None, None, None, "全年任务全部完成，满意度94%。"],
                ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                [None, "产出指标", "数量指标", "服务人次", "≥1万人次", "1.2万人次", 45, 45],
                [None, "效益指标", "社会效益指标", "服务便利度", "有效提升", "有效提升", 30, 30],
                [None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "94%", 15, 15],
                ["总分", None, None, None, None, None, 100, 90 + score]]

    book = openpyxl.Workbook()
    sheet = book.active
    for row in form("甲项目", (320, 356.8, 341.25), (300, 336.8, 322.05), (20, 20, 19.2), 9.56) \
            + form("乙项目", (180, 180, 180), (180, 180, 180), (0, 0, 0), 10) \
            + form("丙项目", (68, 72.5, 70.14), (68, 68, 66.09), (0, 4.5, 4.05), 9.67):
        sheet.append(row)
    path = tmp_path / "自评表.xlsx"
    book.save(path)
    findings = audit_document(load(str(path)), [r for r in load_rules() if r.id == "CAL001"]).findings
    assert not [f for f in findings if f.severity != "info"]


def test_an_item_of_the_classification_is_no_project_whose_funds_its_amounts_are():
    """1、…事务（款）行政运行（项）。年初预算为…: the paragraph's subject is a 项 of the accounts, not a
    project: its bare budget and outturn are no project's 年度资金总额, to be set against a form's."""
    doc = document_from_text("某区档案局2024年度部门决算\n1、一般公共服务支出（类）档案事务（款）行政运行（项）。"
                             "年初预算为520.00万元，支出决算为516.40万元。\n")
    assert {f.concept for f in fact_base(doc).facts if f.is_money} == {None}


@pytest.mark.parametrize("change", ["较上年△4.51万元", "较上年▲4.51万元", "较上年增减-4.51万元",
                                    "比上年增减（4.51）万元", "同比-4.51万元", "较上年减少4.51万元"])
def test_a_change_signed_by_its_own_mark_is_a_fall(change):
    facts = facts_of(HEAD + f"2025年度公务用车购置及运行维护费28.65万元，{change}。\n")
    fall = next(f for f in facts if f.value == Decimal("4.51"))
    assert (fall.concept, fall.measure, fall.sign, fall.period) == ("公务用车购置及运行维护费", "变动额", -1, "本年")


def test_a_signed_change_stated_wrong_is_reported_and_one_stated_right_is_not():
    text = HEAD + "2025年度公务用车购置及运行维护费28.65万元，上年为33.16万元，较上年{}。\n"
    assert [f.rule for f in findings(text.format("△5.41万元"), "DRV012")] == ["DRV012"]
    assert not findings(text.format("△4.51万元"), "DRV012")
    assert not findings(text.format("增减（4.51）万元"), "DRV012")
    # a plus after 增减 is a rise: the figures say a fall (the direction rule's to tell)
    assert [f.rule for f in findings(text.format("增减+4.51万元"), "DRV012", "DIR002")] == ["DIR002"]


def test_a_budget_word_in_a_problem_category_names_no_measure_of_its_figures():
    """预算编制不细化 18个 0.82亿元, 超预算支出 14个: the category of problems is named after the budget
    it concerns; its count and amount are no budget (CAL001 then sums them with the list's others)."""
    facts = facts_of("某市2024年度市本级预算执行审计工作报告\n发现问题72个，涉及金额3.05亿元，其中：预算编制不细化18个0.82亿元、"
                     "无预算超预算支出14个0.61亿元、资产管理不规范40个1.72亿元。\n")
    by_value = {f.value: f for f in facts}
    assert by_value[Decimal("18")].measure == "实际值"
    assert by_value[Decimal("14")].measure == "实际值"
    assert by_value[Decimal("0.82")].measure == by_value[Decimal("3.05")].measure
    # a budget named so, with no fault after it, is still one
    plain = {f.value: f for f in facts_of(HEAD + "项目支出全年预算300.00万元，不含上年结转。\n")}
    assert plain[Decimal("300.00")].measure == "全年预算"


def test_a_rate_on_a_forecast_base_names_nothing_of_its_own():
    """比2024年预计执行数下降4.49%: 预计 is the base's measure word (a forecast), no thing, so the
    rate is the amount's before it (基金收入), as 比上年执行数下降 is."""
    facts = facts_of("某县2025年城乡居民基本养老保险基金预算编制说明\n"
                     "2025年基金收入预算23,901.00万元，比2024年预计执行数下降4.49%。\n"
                     "表 基金预算表（单位：万元）\n项目\t2024年预计执行数\t2025年预算数\n基金收入\t22,874.55\t23,901.00\n")
    rate = next(f for f in facts if f.source == "text" and f.unit == "%")
    assert rate.concept == "基金收入"


def test_a_degree_word_before_a_direction_names_nothing_but_the_per_head_words_keep_theirs():
    """大幅下降, 有所增长 name nothing (a clause naming a part so gives the rate after it its concept);
    the 均 of 人均 or 平均 is no degree word there."""
    from auditor.facts.base.words import own_words
    from auditor.facts.lexicon import lexicon

    lex = lexicon()
    assert own_words("大幅下降", lex) == "" and own_words("有所增长", lex) == ""
    assert own_words("人均增长", lex) == "人均" and own_words("平均增长", lex) == "平均"


def test_rules_keeping_readings_on_the_fact_base_do_not_share_a_key():
    """Two rules keep a reading of the document's tables' money columns on the fact base, each its
    own (the stages' rows and columns; the columns alone): run together on one document, neither
    takes the other's and fails, and DRV016 tells a rate that does not hold."""
    from auditor.engine import audit_document
    from auditor.examples import document_from_text
    from auditor.ruleset import load_rules

    text = ("某县教育局2024年度部门整体支出绩效自评报告\n本年收入合计720.00万元，其中财政拨款收入700.00万元，其他收入20.00万元。\n"
            "全年实际支出710.00万元，预算执行率98.61%。\n抽查的48个标段中，有41个标段按期完工，完工及时率为86.42%。\n")
    result = audit_document(document_from_text(text), load_rules())
    assert not [n for n in result.not_assessable if n["reason"].startswith("规则执行出错")]
    assert any(f.rule == "DRV016" and f.expected.startswith("85.42") for f in result.findings)
