"""Output formats: SARIF validates against the 2.1.0 schema, JUnit parses, text is grouped."""
from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
from typer.testing import CliRunner

from auditor.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _run(tmp_path, fmt, *extra):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["check", str(EXAMPLES), str(tmp_path / "empty.txt"), "--format", fmt,
                                 "--report", str(out), *extra])
    return result, out


def test_sarif_validates_against_the_schema(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result, out = _run(tmp_path, "sarif")
    assert result.exit_code == 3
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "SCO001" in rule_ids
    scored = next(r for r in run["results"] if r["ruleId"] == "SCO001")
    assert scored["level"] == "error" and scored["partialFingerprints"]["auditorFingerprint/v1"]
    assert rule_ids[scored["ruleIndex"]] == "SCO001"
    assert run["invocations"][0]["executionSuccessful"] is False  # the empty file


def test_junit_parses(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    _, out = _run(tmp_path, "junit")
    root = ET.parse(out).getroot()
    assert root.tag == "testsuites"
    assert int(root.get("failures")) >= 5 and int(root.get("errors")) == 1
    assert len(root.findall("testsuite")) == 3


def test_text_output_groups_by_file_without_colour_when_piped(tmp_path):
    result = runner.invoke(app, ["check", str(EXAMPLES), "--format", "text"])
    assert "\033[" not in result.output
    assert "部门决算示例.md" in result.output and "SUM001" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("共 2 个文件")


def test_a_long_cell_is_cut_around_the_quote_in_the_finding_s_own_cell():
    from auditor.report.html_report import shown_cell

    text = "全年为6个社区拨付运营补助，完成4期培训：基础护理、康复护理、失智照护。服务老年人5320人次。项目共设置三级指标6个，均已完成。"
    assert shown_cell(text) == text[:40] + "…"  # any other cell: its start
    shown = shown_cell(text, "项目共设置三级指标6个")
    assert "项目共设置三级指标6个" in shown and shown.startswith("…") and len(shown) <= 42
    assert shown_cell("短文本", "短文本") == "短文本"


def test_two_rules_on_one_figure_at_one_place_name_each_other():
    from auditor.findings import Finding, link_same_figure
    from auditor.model import Location

    cell = Location("a.txt", line=6, table=1, row=4, col=7)
    made = [Finding("SCO001", "score_mismatch", "error", "m", "q", cell, stated="10"),
            Finding("SCO009", "score_mismatch", "error", "m", "q", cell, stated="10"),
            Finding("SCO003", "score_mismatch", "warning", "m", "q", cell.with_(row=9), stated="10"),
            Finding("CAL001", "total_mismatch", "error", "m", "q", Location("a.txt", line=3), stated="1,980.40"),
            Finding("SUM002", "total_mismatch", "error", "m", "q", Location("a.txt", line=3), stated="合计 1980.40")]
    fingerprints = [f.fingerprint for f in made]
    link_same_figure(made)
    assert [f.also for f in made] == [["SCO009"], ["SCO001"], [], ["SUM002"], ["CAL001"]]
    assert [f.fingerprint for f in made] == fingerprints
    assert "also" not in made[2].to_dict() and made[0].to_dict()["also"] == ["SCO009"]


def test_a_cell_shown_wrong_explains_the_relations_it_breaks_by_the_same_amount(tmp_path):
    """A row's 合计 cell 9,000.00 too high: the row-total rule blames it; the column's 合计 (right,
    as the text restating it in 万元) is off the printed rows by the same amount, and the roll-up
    of the codes would blame it: it is no error of its own."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "决算说明.txt"
    report.write_text(
        "某局2024年度部门决算说明\n一般公共预算财政拨款支出决算表\n单位：元\n"
        "科目编码\t科目名称\t合计\t人员经费\t公用经费\t项目支出\n"
        "\t合计\t12,111,800.00\t6,842,600.00\t1,613,300.00\t3,655,900.00\n"
        "2101501\t行政运行\t7,969,000.00\t6,842,600.00\t1,126,400.00\t0.00\n"
        "2101506\t医疗保障经办\t4,151,800.00\t0.00\t486,900.00\t3,655,900.00\n"
        "本年一般公共预算财政拨款支出1,211.18万元。\n", encoding="utf-8")
    found = [f for f in audit_file(str(report), load_rules()).findings if f.severity != "info"]
    assert [(f.rule, f.stated, f.expected) for f in found] == \
        [("SUM004", "2101506 医疗保障经办 4,151,800.00", "4,142,800.00")]
    [folded] = found[0].folded  # the 合计 row's break, with its place and message
    assert folded.startswith("SUM001 · 第5行 · 第1张表 第2行第3列：") and "12,111,800.00" in folded
    assert "folded" in found[0].to_dict() and not found[0].also


def test_a_sentence_written_in_one_wrong_unit_is_one_finding(tmp_path):
    """Three figures of one sentence in 万元 where the table prints them in 千元: one slip of the
    sentence's unit, told at its first figure, the others folded into it; a slip in another sentence
    stays a finding of its own."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "决算说明.txt"
    report.write_text(
        "某局2024年度部门决算说明\n支出决算表\n单位：千元\n项目\t金额\n基本支出\t2,315.0\n项目支出\t6,327.5\n"
        "支出合计\t8,642.5\n2024年度支出合计8,642.5万元，其中基本支出2,315.0万元，项目支出6,327.5万元。\n"
        "三、其他说明\n本年项目支出6,327.5万元。\n", encoding="utf-8")
    found = [f for f in audit_file(str(report), load_rules()).findings if f.rule == "FCT001"]
    assert [(f.stated, f.location.line) for f in found] == [("8,642.5万元", 8), ("6,327.5万元", 10)]
    assert [entry.split("：")[0] for entry in found[0].folded] == ["FCT001 · 第8行", "FCT001 · 第8行"]
    assert all(entry.endswith("（同一句的同一单位笔误）") for entry in found[0].folded)


def test_two_findings_each_explaining_the_other_are_both_kept():
    from auditor.findings import Finding, drop_consequences
    from auditor.model import Location

    a, b = Location("a.txt", table=1, row=2, col=3), Location("a.txt", table=1, row=5, col=3)
    made = [Finding("SUM004", "total_mismatch", "error", "m", "q", a, stated="甲 10.00", expected="12.00", highlights=[b]),
            Finding("SUM005", "total_mismatch", "error", "m", "q", b, stated="合计 30.00", expected="28.00", highlights=[a])]
    assert drop_consequences(made) == made


def test_one_correction_printed_two_ways_is_one_finding():
    """Two rules correcting one figure at one place to the same value, one printing it grouped
    (1,100.00万元), the other as a sheet shows it (1100万元): one correction, the second folded."""
    from auditor.findings import Finding, drop_same_relation
    from auditor.model import Location

    at = Location("a.xlsx", sheet="说明", line=2)
    made = [Finding("CAL001", "total_mismatch", "error", "m", "q", at, stated="1,010.00万元", expected="1,100.00万元"),
            Finding("FCT001", "cross_ref_mismatch", "error", "m", "q", at, stated="1,010.00万元", expected="1100万元"),
            Finding("FCT002", "cross_ref_mismatch", "error", "m", "q", at, stated="1,010.00万元", expected="1,110.00万元")]
    kept = drop_same_relation(made)
    assert [f.rule for f in kept] == ["CAL001", "FCT002"] and kept[0].folded[0].startswith("FCT001")


def test_a_stock_flow_total_row_breaks_only_through_its_rows(tmp_path):
    """One row's 年末 1 too high, the 合计 row summing the columns: one finding, on the row."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "人员.txt"
    report.write_text("某局2024年度部门决算说明\n表5 人员变动情况\n单位：人\n"
                      "人员类别\t年初实有\t本年增加\t本年减少\t年末实有\n行政人员\t82\t6\t4\t84\n"
                      "事业人员\t39\t3\t2\t41\n合计\t121\t9\t6\t125\n", encoding="utf-8")
    found = [(f.rule, f.stated) for f in audit_file(str(report), load_rules()).findings if f.severity != "info"]
    assert found == [("SUM008", "事业人员 41")]


def test_a_negative_cell_shown_wrong_folds_the_column_total_it_breaks(tmp_path):
    """A fall printed with its minus (经营收入 | 增减额 -14.50 for -41.50): the row's own check blames
    it; the 合计 row's 增减额, off its rows by what mending it takes back, is folded in, the minus
    read as the figure's sign and not as a subtraction."""
    found = _audit(tmp_path, "某学院2024年度部门决算说明\n收入决算变动情况表\n单位：万元\n"
                             "收入项目\t2024年决算数\t2023年决算数\t增减额\n"
                             "财政拨款收入\t2,000.00\t1,900.00\t100.00\n"
                             "经营收入\t300.00\t341.00\t-14.00\n"
                             "合计\t2,300.00\t2,241.00\t59.00\n")
    assert [(f.rule, f.stated.split()[-1], f.expected) for f in found] == [("DRV011", "-14.00", "-41.00")]
    assert [entry.split(" · ")[0] for entry in found[0].folded] == ["SUM005"]


def test_a_share_of_a_whole_another_paragraph_shows_wrong_is_folded_into_it(tmp_path):
    """The year's spending written wrong in the opening paragraph (1,218.00万元 for 1,281.00万元):
    a share later worked on it, in 元 over 万元, is that slip's consequence, not an error of its own."""
    found = _audit(tmp_path, "某镇2024年度部门整体支出绩效自评报告\n"
                             "全年支出1,218.00万元，其中基本支出781.00万元，项目支出500.00万元。\n"
                             "支出结构表\n单位：元\n项目\t金额\n一般公共服务支出\t7,686,000.00\n"
                             "农林水支出\t5,124,000.00\n合计\t12,810,000.00\n"
                             "从支出结构看，农林水支出5,124,000.00元，占全年支出的40.00%。\n")
    assert [f.rule for f in found] == ["CAL001"]
    assert [entry.split(" · ")[0] for entry in found[0].folded] == ["DRV001"]


def test_a_sum_still_off_once_the_figure_is_mended_is_no_consequence(tmp_path):
    """基本支出 1,859.00 against the table's 1,895.00; the total 13,187.20 is off either way
    (1,895.00 + 11,364.20 = 13,259.20): both findings stay. With the total 13,259.20 the sum's
    break is the part's doing and is folded into it."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    table = "单位：万元\n项目\t基本支出\t项目支出\t合计\n合计\t1,895.00\t11,364.20\t13,259.20\n"
    for total, rules in (("13,187.20", ["CAL001", "FCT001"]), ("13,259.20", ["FCT001"])):
        report = tmp_path / f"{total}.txt"
        report.write_text(f"某局2024年度部门决算说明\n{table}本年支出{total}万元，其中基本支出1,859.00万元，"
                          "项目支出11,364.20万元。\n", encoding="utf-8")
        found = [f for f in audit_file(str(report), load_rules()).findings if f.severity != "info"]
        assert sorted(f.rule for f in found) == rules


def test_only_a_figure_no_finding_explains_is_a_cause_and_a_ring_is_kept():
    from auditor.findings import Finding, drop_consequences
    from auditor.model import Location

    a, b, c = (Location("a.txt", table=1, row=r, col=3) for r in (2, 3, 4))

    def made(rule, at, stated, expected, *operands):
        return Finding(rule, "total_mismatch", "error", "m", "q", at, stated=stated, expected=expected,
                       highlights=list(operands))

    # (乙's figure is right, its break 甲's doing: what mending 甲 does to 丙 is not known, 丙 stays)
    chain = [made("SUM004", a, "甲 10.00", "12.00"), made("SUM005", b, "乙 20.00", "18.00", a),
             made("SUM001", c, "丙 30.00", "32.00", b)]
    root, kept = drop_consequences(chain)
    assert (root.rule, root.folded, kept.rule) == ("SUM004", ["SUM005 · 第1张表 第3行第3列：m（改正此数后一并相符）"], "SUM001")
    ring = [made("SUM004", a, "甲 10.00", "12.00", b), made("SUM005", b, "乙 20.00", "18.00", a)]
    assert drop_consequences(ring) == ring


def test_a_change_broken_by_a_figure_shown_wrong_is_folded_into_it(tmp_path):
    """The text's 上年 3,300.00 against the table's 3,330.00: the stated change 增加450.00 and its rate
    13.51% hold with the table's figure (3,780.00 − 3,330.00, 450.00 ÷ 3,330.00), so their breaks on the
    text's 上年 (→ 增加480.00, → 13.64%: the misprinted figure's doing) are no second and third error."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "收入.txt"
    report.write_text("某局2024年度部门决算说明\n表1 收入情况\n单位：万元\n项目\t上年决算数\t本年决算数\n"
                      "财政拨款收入\t3,210.00\t3,684.00\n其他收入\t120.00\t96.00\n合计\t3,330.00\t3,780.00\n"
                      "本年收入3,780.00万元，上年3,300.00万元，比上年增加450.00万元，增长13.51%。\n", encoding="utf-8")
    found = [f for f in audit_file(str(report), load_rules()).findings if f.severity != "info"]
    assert [(f.rule, f.stated, [c.split(" ")[0] for c in f.folded]) for f in found] == \
        [("FCT001", "3,300.00万元", ["DRV003", "DRV012"])]


def test_shares_past_100_percent_through_one_misprinted_share_are_that_share_s_doing(tmp_path):
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "占比.txt"
    report.write_text("某局2024年度部门决算说明\n本年支出3,200.00万元，其中基本支出2,000.00万元，占本年支出的62.50%；"
                      "项目支出1,200.00万元，占本年支出的37.60%。\n", encoding="utf-8")
    found = [f for f in audit_file(str(report), load_rules()).findings if f.severity != "info"]
    assert [(f.rule, f.stated, [c.split(" ")[0] for c in f.folded]) for f in found] == \
        [("DRV001", "37.60%", ["DRV006"])]


def test_a_growth_worked_out_from_a_total_its_list_disproves_is_folded_into_it(tmp_path):
    """三公 14.63 against its parts' 14.36: 下降10.81% with 减少1.74 holds on 14.36 (1.74 ÷ 16.10),
    not on the misprinted total (1.74 ÷ 16.37 = 10.63%): one error, the total's."""
    found = _audit(tmp_path, "某中心2024年度部门决算\n七、“三公”经费财政拨款支出决算情况说明\n"
                             "2024年度“三公”经费财政拨款支出预算为18.00万元，支出决算为14.63万元，完成预算的79.78%，"
                             "较上年减少1.74万元，下降10.81%。其中：因公出国（境）费支出决算为0万元；公务用车购置及运行维护费"
                             "支出决算为12.56万元；公务接待费支出决算为1.80万元。\n")
    assert [(f.rule, f.stated, [c.split(" ")[0] for c in f.folded]) for f in found] == \
        [("CAL001", "14.63万元", ["DRV002", "DRV003"])]


def test_shares_of_a_list_summing_an_item_the_table_disproves_are_folded_into_it(tmp_path):
    """社会保障和就业支出 274.64 in the text, 247.64 in the table: the list's shares, taken of the
    items' own sum, all hold once the item is mended (100 ÷ 550 is 18.18%, of 523 19.12%): one error."""
    found = _audit(tmp_path, "某中心2024年度支出情况说明\n表4 一般公共预算财政拨款支出决算表\n单位：万元\n"
                             "科目名称\t决算数\n农林水支出\t175.36\n社会保障和就业支出\t247.64\n卫生健康支出\t100.00\n"
                             "合计\t523.00\n五、一般公共预算财政拨款支出决算情况说明\n支出结构：农林水支出175.36万元，占33.53%；社会保障和就业支出274.64万元，占47.35%；"
                             "卫生健康支出100.00万元，占19.12%。\n")
    # (the 决算 heading makes it a 部门决算, whose other tables PRE001 asks for)
    assert [(f.rule, f.stated, sorted(c.split(" ")[0] for c in f.folded)) for f in found if f.rule != "PRE001"] == \
        [("FCT001", "274.64万元", ["DRV001", "DRV001", "DRV001"])]


def test_figures_alike_in_digits_but_not_in_unit_are_not_linked():
    from auditor.findings import Finding, link_same_figure
    from auditor.model import Location

    line = Location("a.txt", line=3)
    made = [Finding("UNT003", "unit_error", "error", "m", "q", line, stated="8%"),
            Finding("XRF003", "cross_ref_mismatch", "error", "m", "q", line, stated="8亿元"),
            Finding("CAL001", "total_mismatch", "error", "m", "q", line, stated="8")]
    link_same_figure(made)
    assert [f.also for f in made] == [["CAL001"], ["CAL001"], ["UNT003", "XRF003"]]


def test_a_rate_worked_out_from_a_cell_shown_wrong_is_folded_into_it(tmp_path):
    """节约资金 104.40 against 3,126.50 − 2,986.10 = 140.40: the 节约率 4.49 beside it is right for
    140.40 (the rate rule, reading 104.40, would say 3.34): one finding, on the saving."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "采购.txt"
    report.write_text("某区2024年度政府采购执行情况\n表2 政府采购节约情况\n单位：万元\n"
                      "采购方式\t采购预算\t成交金额\t节约资金\t节约率（%）\n公开招标\t3,126.50\t2,986.10\t104.40\t4.49\n"
                      "竞争性磋商\t840.00\t812.60\t27.40\t3.26\n询价\t538.60\t512.24\t26.36\t4.89\n"
                      "单一来源\t400.00\t392.00\t8.00\t2.00\n", encoding="utf-8")
    found = [f for f in audit_file(str(report), load_rules()).findings if f.severity != "info"]
    # (SUM014, learning 节约 = 预算 − 成交 from the rows, sees the same correction at the same cell)
    assert [(f.rule, f.stated, [c.split(" ")[0] for c in f.folded]) for f in found] == \
        [("SUM012", "公开招标 104.40", ["DRV005", "SUM014"])]


def test_a_slip_in_one_unit_does_not_fold_a_total_off_by_ten_thousand_times_it():
    """道路修缮 47.95 (48.00) and the 合计 577.45 (77.50) in one table: mending 47.95 gives 77.50, not
    577.45; a step of 10,000 between two cells of one table is no restatement in another unit."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules
    import tempfile, pathlib

    text = ("某区2024年度政府采购执行情况\n采购项目\t采购预算\t成交金额\t节约资金\n道路修缮\t500.00\t452.00\t47.95\n"
            "管网改造\t800.00\t776.50\t23.50\n物业服务\t120.00\t114.00\t6.00\n合计\t1,420.00\t1,342.50\t577.45\n")
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "采购.txt"
        path.write_text(text, encoding="utf-8")
        found = [f for f in audit_file(str(path), load_rules()).findings if f.severity != "info"]
    assert sorted(f.rule for f in found) == ["SUM005", "SUM012"] and not any(f.folded for f in found)


def test_a_statement_repeated_and_flagged_alike_is_one_finding_naming_every_place(tmp_path):
    """The same sentence copied from the narrative into the self-assessment table carries the same
    malformed figure: one correction in two places, so one finding that names the second place."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "自评报告.txt"
    sentence = "全年项目支出106.62.00万元，保障了各项工作开展"
    report.write_text(
        f"某局2024年度部门整体支出绩效自评报告\n一、基本情况\n{sentence}。\n二、自评结论\n"
        f"产出指标\t完成情况\n资金保障\t{sentence}\n", encoding="utf-8")
    found = [f for f in audit_file(str(report), load_rules()).findings if f.rule == "PAT001"]
    assert [(f.stated, f.location.line) for f in found] == [("106.62.00万元", 3)]
    [repeat] = found[0].folded
    assert repeat.startswith("第6行") and "同一问题另见此处" in repeat


def test_the_same_wrong_date_under_two_signatures_names_both_lines(tmp_path):
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "自评表.txt"
    report.write_text("2024年度某项目支出绩效自评表\n评价组组长（签字）：\n张三\n2015年4月23日\n"
                      "项目实施单位负责人（签字）：\n李四\n2015年4月23日\n", encoding="utf-8")
    [found] = [f for f in audit_file(str(report), load_rules()).findings if f.rule == "PER002"]
    assert found.location.line == 4 and found.folded == ["第7行：2015年4月23日（同一问题另见此处）"]


SCORE_TABLE = (
    "某中心2024年度部门整体支出绩效自评报告\n{text}\n2024年度部门整体支出绩效自评表\n"
    "年度预算申请（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "\t年度资金总额\t200.00\t200.00\t190.00\t10\t95.00%\t9.50\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标（50分）\t数量指标\t巡查次数\t≥120次\t126次\t30\t30\n"
    "\t质量指标\t整改率\t≥95%\t97%\t{weight}\t{weight}\n"
    "效益指标（30分）\t社会效益指标\t群众知晓率\t≥85%\t90%\t30\t30\n"
    "满意度指标（10分）\t服务对象满意度指标\t满意度\t≥90%\t94%\t10\t10\n"
    "总分\t\t\t\t\t100\t{total}\n")


def _audit(tmp_path, text):
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "报告.txt"
    report.write_text(text, encoding="utf-8")
    return [f for f in audit_file(str(report), load_rules()).findings if f.severity != "info"]


def test_one_item_weight_off_is_one_finding_with_the_sums_it_breaks_folded_in(tmp_path):
    """An item's 分值 22 for 20 breaks its category (50 分) and the 合计 row (100) by the same 2,
    and lets the self-assessed score pass 100: one error, named at the narrowest sum."""
    found = _audit(tmp_path, SCORE_TABLE.format(text="经自评，本中心部门整体支出绩效自评得分为101.50分。",
                                                weight=22, total="101.50"))
    assert [(f.rule, f.stated, f.expected) for f in found] == [("SCO004", "产出指标（50分）", "分值合计 52")]
    folded = " ".join(found[0].folded)
    assert "SCO016" in folded and "上一级合计随之不符" in folded
    assert "SCO018" in folded and "分值合计本身超过满分" in folded


def test_a_wrong_total_restated_in_the_text_is_the_table_s_finding(tmp_path):
    text = ("经综合评价，本中心部门整体支出绩效自评综合得分98.50分。其中：预算执行得分9.50分，"
            "产出指标得分50分，效益指标得分30分，满意度指标得分10分。")
    found = _audit(tmp_path, SCORE_TABLE.format(text=text, weight=20, total="98.50"))
    assert [(f.rule, f.stated, f.expected) for f in found] == [("SCO003", "98.50", "99.50")]
    [folded] = found[0].folded
    assert folded.startswith("SCO012 · 第2行") and folded.endswith("（文中转述同一数字，同一更正）")


def test_a_comparison_on_a_misdated_sentence_s_figure_is_the_period_finding_s(tmp_path):
    """2023 written for the report's 2024: read as last year's, the sentence's total makes the
    stated 减少 look like 持平; the period finding says what is wrong."""
    found = _audit(tmp_path, (
        "某局2024年度部门决算说明\n一、收支总体情况\n"
        "2023年度本局收入总计1,250.40万元，支出总计1,250.40万元。与上年相比，收、支总计各减少80.20万元。\n"
        "收入支出决算总表\n单位：万元\n收入项目\t金额\t支出项目\t金额\n"
        "本年收入合计\t1,200.40\t本年支出合计\t1,230.40\n年初结转和结余\t50.00\t年末结转和结余\t20.00\n"
        "总计\t1,250.40\t总计\t1,250.40\n"))
    assert [f.rule for f in found] == ["PER001"]
    assert any(c.startswith("DIR002") and c.endswith("（所比的“上年”数取自年份写错的句子）") for c in found[0].folded)


def test_like_rows_of_two_projects_forms_stay_two_findings(tmp_path):
    form = ("{name}项目支出绩效自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t数量指标\t培训人次\t≥100人次\t90人次\t10\t8\n")
    found = _audit(tmp_path, "某局2024年度项目支出绩效自评报告\n评分说明：未完成的数量指标按完成比例计分。\n"
                   + form.format(name="甲") + form.format(name="乙"))
    assert [(f.rule, f.folded) for f in found] == [("SCO007", []), ("SCO007", [])]


def test_two_misdated_statements_are_two_findings(tmp_path):
    found = _audit(tmp_path, "某局2024年度部门决算\n2025年度本局收入总计1,250.40万元。\n"
                   "收入支出决算表\n项目\t2025年决算数\n收入总计\t1,250.40\n")
    assert sorted(f.rule for f in found if f.cls == "period_mismatch") == ["PER001", "PER008"]


def test_an_unfilled_template_says_it_had_next_to_nothing_to_check(tmp_path):
    """Headings and blank tables with no figures: "未发现不一致" alone would read as checked and
    consistent; the file says how little it read, and a filled-in report does not."""
    heads = "".join(f"{n}、第{n}部分说明\n由单位根据实际情况填写。\n" for n in "一二三四五六七八九十")
    table = "收入支出决算总表\n单位：万元\n项目\t决算数\n" + "".join(f"第{n}项收入\t\n" for n in "一二三四五六")
    (tmp_path / "模板.txt").write_text("某某局2024年度情况说明\n" + heads + table, encoding="utf-8")
    (tmp_path / "已填.txt").write_text(
        "某局2024年度部门决算\n" + heads + "本年收入合计120.00万元，其中财政拨款收入100.00万元、"
        "事业收入20.00万元。本年支出合计110.00万元，其中基本支出80.00万元、项目支出30.00万元。\n",
        encoding="utf-8")
    out = tmp_path / "r.html"
    runner.invoke(app, ["check", str(tmp_path / "模板.txt"), str(tmp_path / "已填.txt"), "--report", str(out)])
    html = out.read_text(encoding="utf-8")
    assert html.count("未发现不一致；但有内容未能读取或读出的数字过少") == 1
    assert "只读出 0 个数字：可核对的内容很少（未填写的模板" in html
    assert html.count("未发现不一致") == 2


def test_the_class_chart_splits_each_bar_by_severity(tmp_path):
    """A long bar of rounding notes must not read as a long bar of errors: each class's bar is in
    segments by severity, and the table beside it counts each severity."""
    (tmp_path / "r.txt").write_text(
        "某局2024年度部门决算说明\n本年支出合计100.00万元，其中基本支出60.00万元、项目支出30.00万元。\n"
        "基本支出60.00万元，其中人员经费40.00万元、公用经费20.01万元。\n", encoding="utf-8")
    out = tmp_path / "r.html"
    runner.invoke(app, ["check", str(tmp_path / "r.txt"), "--report", str(out)])
    html = out.read_text(encoding="utf-8")
    assert '<rect class="bar-error"' in html and '<rect class="bar-info"' in html
    assert "<tr><th>类别</th><th>错误</th><th>警告</th><th>提示</th><th>合计</th></tr>" in html
    assert "<tr><td>尾数误差</td><td>0</td><td>0</td><td>1</td><td>1</td></tr>" in html


def test_a_sum_missing_a_part_printed_with_two_points_is_folded_into_the_misprint(tmp_path):
    """政府采购服务支出104.25.00万元 cannot be read, so the sentence's sum counts two parts of three
    and breaks by 104.25: the misprint explains it; one finding, with the sum folded in."""
    found = _audit(tmp_path, "某局2024年度部门决算\n2024年度政府采购支出总额152.65万元，其中：政府采购货物支出"
                             "32.80万元、政府采购工程支出15.60万元、政府采购服务支出104.25.00万元。\n")
    assert [f.rule for f in found] == ["PAT001"]
    [folded] = found[0].folded
    assert folded.startswith("CAL001 · 第2行：") and folded.endswith("（此数按 104.25 计入后一并相符）")
    # a sum off by another amount is no consequence of the misprint: both stand
    found = _audit(tmp_path, "某局2024年度部门决算\n2024年度政府采购支出总额160.65万元，其中：政府采购货物支出"
                             "32.80万元、政府采购工程支出15.60万元、政府采购服务支出104.25.00万元。\n")
    assert sorted(f.rule for f in found) == ["CAL001", "PAT001"]


def test_one_rounding_tail_on_one_cell_is_one_note(tmp_path):
    """A 总表's 本年收入合计 one cent off its rows is a tail for SUM002 (its rows) and for CAL001
    (the declared parts): one note, the other folded in."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "报告.txt"
    report.write_text("某局2024年度部门决算\n收入支出决算总表\n单位：万元\n项目\t决算数\t项目\t决算数\n"
                      "一、一般公共预算财政拨款收入\t423.57\t一、一般公共服务支出\t436.91\n五、事业收入\t12.35\t\t\n"
                      "八、其他收入\t1.00\t\t\n本年收入合计\t436.91\t本年支出合计\t436.91\n", encoding="utf-8")
    notes = [f for f in audit_file(str(report), load_rules()).findings if f.cls == "rounding"]
    assert len(notes) == 1 and notes[0].location.row == 5
    assert [entry.endswith("（同一处尾差）") for entry in notes[0].folded] == [True]


def test_a_change_told_the_wrong_way_is_one_finding(tmp_path):
    """增加0.54万元 where 3.96 fell to 3.42: DIR002 (the word) and DRV010 (the amount's way) make
    the very same correction, 减少0.54万元: one finding, the other folded in."""
    found = _audit(tmp_path, "某局2024年度部门决算\n2024年度“三公”经费财政拨款支出决算为3.42万元，"
                             "比2023年度决算数3.96万元增加0.54万元。\n")
    assert [f.rule for f in found] == ["DIR002"]
    assert [entry.split(" · ")[0] for entry in found[0].folded] == ["DRV010"]


TAILED_TABLES = ("某局2024年度部门决算\n二、收入决算表\n单位：万元\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\n"
                 "合计\t\t610.02\t610.02\n201\t一般公共服务支出\t402.36\t402.36\n20101\t人大事务\t402.36\t402.36\n"
                 "208\t社会保障和就业支出\t120.55\t120.55\n20805\t行政事业单位养老支出\t120.55\t120.55\n"
                 "221\t住房保障支出\t87.12\t87.12\n22102\t住房改革支出\t87.12\t87.12\n"
                 "三、支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
                 "合计\t\t610.02\t510.02\t100.00\n201\t一般公共服务支出\t402.36\t302.36\t100.00\n"
                 "20101\t人大事务\t402.36\t302.36\t100.00\n208\t社会保障和就业支出\t120.55\t120.55\t\n"
                 "20805\t行政事业单位养老支出\t120.55\t120.55\t\n221\t住房保障支出\t87.12\t87.12\t\n"
                 "22102\t住房改革支出\t87.12\t87.12\t\n")


def test_one_tail_repeated_by_the_tables_is_one_note_naming_its_other_places(tmp_path):
    """The class totals repeated in the 收入决算表 (two columns) and the 支出决算表 carry one tail
    (610.02 against 402.36 + 120.55 + 87.12 = 610.03): one note, 同见 the other two cells; the
    基本支出 column's own tail (510.02 against 510.03, other figures) stays a note of its own."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    report = tmp_path / "决算.txt"
    report.write_text(TAILED_TABLES, encoding="utf-8")
    tails = [f for f in audit_file(str(report), load_rules()).findings if f.cls == "rounding"]
    assert [(f.rule, f.stated, f.expected) for f in tails] == [
        ("SUM001", "合计 610.02", "610.03"), ("SUM001", "合计 510.02", "510.03")]
    assert tails[0].message.endswith("（同见 第1张表「二、收入决算表」第2行第4列；第2张表「三、支出决算表」第2行第3列）")
    assert len(tails[0].folded) == 2 and not tails[1].folded and "同见" not in tails[1].message


def test_only_the_same_figures_of_a_sum_on_the_same_labels_fold():
    """Two findings fold only where the total, every part (its label and figure, 50 read as 50.00)
    and the sum are the same, in one class and severity; parts named otherwise (by name, not by
    code), other figures, a warning beside an error, or a working that is no sum stay apart."""
    from auditor.findings import Finding
    from auditor.folds import fold_findings
    from auditor.model import Location

    def made(table, severity, formula):
        return Finding("SUM001", "total_mismatch", severity, f"m{table}", "q", Location("a.txt", table=table, row=2, col=3),
                       stated="合计 100.00", expected="90.00", formula=formula)

    found = [made(1, "error", "合计 = 201 50.00 + 208 40.00 = 90.00"),
             made(2, "error", "合计 = 201 50 + 208 40.00 = 90.00"),
             made(3, "error", "合计 = 一、一般公共服务支出 50.00 + 八、社会保障和就业支出 40.00 = 90.00"),
             made(4, "error", "合计 = 201 60.00 + 208 30.00 = 90.00"),
             made(5, "warning", "合计 = 201 50.00 + 208 40.00 = 90.00"),
             made(6, "error", "合计 = 201 50.00 − 208 40.00 = 90.00")]
    kept = fold_findings(found, {2: "收入决算表"})
    assert [f.message for f in kept] == ["m1（同见 第2张表「收入决算表」第2行第3列）", "m3", "m4", "m5", "m6"]
    assert kept[0].folded == ["SUM001 · 第2张表 第2行第3列：m2（同一合计、分项与差额）"]


def test_the_checked_count_never_says_none_failed_above_a_finding(tmp_path):
    """A table's column that does not add up is a relation checked and failed, whether or not its
    rule counts the sums it found consistent: the summary line says 不符 1 or more, not 0."""
    path = tmp_path / "report.txt"
    path.write_text("某局2024年度部门整体支出绩效自评报告\n表1 培训经费明细\n单位：万元\n项目\t金额\n"
                    "师资费\t100.00\n场地费\t50.00\n合计\t160.00\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "text", "--no-cache", "--report", "-"])
    assert "SUM005" in result.output
    summary = [line.strip() for line in result.output.splitlines() if "核对关系" in line]
    assert summary == ["事实 3 条；核对关系 1 项，一致 0，不符 1"]


def test_a_numbering_slip_is_no_relation_of_figures_in_the_checked_count(tmp_path):
    """STR001 on headings 一、 then 三、: a finding, but no relation of figures checked and failed."""
    path = tmp_path / "report.txt"
    path.write_text("某局2024年度部门整体支出绩效自评报告\n一、部门概况\n本局内设机构3个。\n"
                    "三、绩效自评结论\n本局自评等级为优。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "text", "--no-cache", "--report", "-"])
    assert "STR001" in result.output
    assert not any("不符 1" in line for line in result.output.splitlines() if "核对关系" in line)
