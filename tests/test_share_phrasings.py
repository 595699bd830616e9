"""Shares stated in prose in the common phrasings: 占…的比重分别为, a bare 占 P% whose total stands
in the section before, counts' shares after 分别 or under 「X中」, and rates restated in tenths (逾七成).
Texts written for these tests; the .docx ones built with python-docx."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.ingest import load
from auditor.ruleset import load_rules

from audited import told

RULES = [r for r in load_rules() if r.id in ("DRV001", "DRV020")]
HEAD = "某县2024年度乡村振兴项目绩效自评报告\n"


def findings(doc) -> list[tuple[str, str, str]]:
    return told(doc, RULES)


def text_findings(body: str) -> list[tuple[str, str, str]]:
    return findings(document_from_text(HEAD + body + "\n"))


def facts_of(body: str):
    return fact_base(document_from_text(HEAD + body + "\n")).facts


def test_a_share_list_joined_without_fenbie_takes_the_amounts_in_turn():
    facts = facts_of("项目支出900.00万元。其中设备购置540.00万元、培训180.00万元、宣传180.00万元，"
                     "占项目支出的比重为60.00%、20.00%和20.00%。")
    items = [f.id for f in facts if f.is_money][1:]  # (the three items, after the whole)
    shares = [f for f in facts if f.unit == "%"]
    assert [(f.measure, f.of) for f in shares] == [("占比", k) for k in items]


def test_a_rate_after_the_list_with_words_of_its_own_is_no_item_of_it():
    facts = facts_of("项目支出900.00万元。其中设备购置540.00万元，培训360.00万元，占项目支出的40.00%、较上年增长5.00%。")
    growth = next(f for f in facts if f.value == Decimal("5.00"))
    assert growth.measure != "占比" and growth.of == -1


def test_counts_listed_after_fenbie_own_the_shares_in_turn():
    facts = facts_of("受益农户1,000户，其中脱贫户、监测户分别为700户和300户，分别占受益农户总数的70.00%和30.00%。")
    counts = {f.value: f.id for f in facts if f.unit == "户"}
    shares = [f for f in facts if f.unit == "%"]
    assert [(f.measure, f.of) for f in shares] == [("占比", counts[Decimal(700)]), ("占比", counts[Decimal(300)])]


def test_swapped_count_shares_are_told_both():
    assert sorted(text_findings("受益农户1,000户，其中脱贫户、监测户分别为700户和300户，分别占受益农户总数的30.00%和70.00%。")) == \
        [("DRV001", "30.00%", "70.00%"), ("DRV001", "70.00%", "30.00%")]


def test_a_count_share_in_a_later_semicolon_clause_is_of_the_whole_the_list_follows():
    assert text_findings("受益农户1,000户，其中脱贫户700户，占70.00%；监测户300户，占40.00%。") == \
        [("DRV001", "40.00%", "30.00%")]
    assert text_findings("受益农户1,000户，其中脱贫户700户，占70.00%；监测户300户，占30.00%。") == []


def test_a_count_scoped_by_its_group_with_zhong():
    assert text_findings("全县50个行政村中，已通硬化路的村45个，占行政村总数的92.00%。") == [("DRV001", "92.00%", "90.00%")]
    # (the share names another whole than the group, whose count is stated nowhere)
    assert text_findings("全县50个行政村中，已通硬化路的村45个，占全县自然村总数的30.00%。") == []


def _docx(path: Path, lines: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(lines[0], level=0)
    for line in lines[1:]:
        if line == "<table>" and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
        elif line.startswith("#"):
            document.add_heading(line.lstrip("# "), level=1)
        else:
            document.add_paragraph(line)
    document.save(path)
    return path


def test_a_bare_share_list_in_a_docx_is_of_the_total_stated_in_the_section_before(tmp_path):
    lines = ["某县图书馆2024年度部门整体支出绩效自评报告", "# 二、预算执行情况", "（一）总体情况",
             "全年预算数1,300.00万元，全年执行数1,240.00万元，预算执行率95.38%。", "<table>", "（二）支出结构",
             "按支出功能分类，文化旅游体育与传媒支出930.00万元（占75.00%），社会保障和就业支出186.00万元（占{}），"
             "住房保障支出124.00万元（占10.00%）。"]
    table = [["项目", "全年预算数", "全年执行数"], ["合计", "1,300.00", "1,240.00"]]
    slipped = _docx(tmp_path / "slipped.docx", [*lines[:-1], lines[-1].format("18.00%")], table)
    right = _docx(tmp_path / "right.docx", [*lines[:-1], lines[-1].format("15.00%")], table)
    assert findings(load(str(slipped))) == [("DRV001", "18.00%", "15.00%")]
    assert findings(load(str(right))) == []


def test_tenths_in_a_docx_read_with_their_approximation_words(tmp_path):
    lines = ["某县文化馆2024年度部门整体支出绩效自评报告", "# 三、产出情况",
             "全县村级综合文化服务中心达标率{}，逾七成村（社区）达到省定标准。"]
    assert findings(load(str(_docx(tmp_path / "over.docx", [*lines[:-1], lines[-1].format("66.8%")])))) == \
        [("DRV020", "逾七成", "近七成")]
    assert findings(load(str(_docx(tmp_path / "right.docx", [*lines[:-1], lines[-1].format("73.2%")])))) == []


def test_a_bare_share_under_qizhong_of_an_amount_with_its_own_share_is_of_that_amount_or_the_total():
    body = ("本年项目资金总额1,200.00万元，其中省级资金700.00万元，县级资金500.00万元。发放到户资金960.00万元，"
            "占项目资金总额的80.00%，其中：发放给监测户240.00万元，占比{}。")
    assert text_findings(body.format("25.00%")) == []  # (240 ÷ 960, the direct parent)
    assert text_findings(body.format("20.00%")) == []  # (240 ÷ 1,200, the grand total)
    assert text_findings(body.format("30.00%")) == [("DRV001", "30.00%", "25.00%")]  # neither: told on the parent


SHARE_TABLE = [["资金类别", "下达金额", "其中：到户金额", "到户占比（%）"],
               ["总计", "2,400.00", "1,800.00", "75.00"], ["种植业", "1,000.00", "800.00", "80.00"],
               ["养殖业", "600.00", "600.00", "100.00"], ["就业帮扶", "800.00", "400.00", "{}"]]


def test_a_docx_share_column_across_each_row_is_no_share_of_the_row_printing_100(tmp_path):
    rules = [r for r in load_rules() if r.id == "DRV013"]
    lines = ["某县2024年度衔接资金项目绩效自评报告", "# 二、资金使用情况", "衔接资金分配情况表（单位：万元）", "<table>"]

    def table_findings(name: str, share: str):
        table = [[cell.format(share) for cell in row] for row in SHARE_TABLE]
        doc = load(str(_docx(tmp_path / name, lines, table)))
        return told(doc, rules)

    assert table_findings("right.docx", "50.00") == []
    assert table_findings("slipped.docx", "55.00") == [("DRV013", "55.00", "50.00%")]
