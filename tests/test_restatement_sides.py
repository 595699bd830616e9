"""FCT001 between two tables: which cell a finding stands on (the one its own table's sums do not
bear out; the table a unit scale apart from every other), and when no unit slip is claimed."""
from __future__ import annotations

from auditor.ruleset import load_rules

from audited import reported

RULES = [r for r in load_rules() if r.id == "FCT001"]

# a 基本支出 table printed in 元 under 单位：万元 (表6), restated by the fund's spending table and the 三公 table
UNIT_SLIP = '某县档案馆2024年度部门决算\n表5 一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t318.40\t245.30\t73.10\n201\t一般公共服务支出\t318.40\t245.30\t73.10\n20126\t档案事务\t318.40\t245.30\t73.10\n2012601\t行政运行\t245.30\t245.30\t0.00\n2012604\t档案馆\t73.10\t0.00\t73.10\n表6 一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t人员经费\t公用经费\n合计\t\t2453000.00\t2107500.00\t345500.00\n301\t工资福利支出\t2107500.00\t2107500.00\t0.00\n302\t商品和服务支出\t345500.00\t0.00\t345500.00\n30217\t公务接待费\t24700.00\t0.00\t24700.00\n30299\t其他商品和服务支出\t320800.00\t0.00\t320800.00\n表7 一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n项目\t决算数\n合计\t2.47\n因公出国（境）费\t0.00\n公务用车购置及运行维护费\t0.00\n公务接待费\t2.47\n'


def _findings(text: str):
    return reported(text, RULES)


def test_a_table_in_another_unit_is_told_on_itself_only():
    found = _findings(UNIT_SLIP)
    assert {(f.stated, f.location.table, f.cls) for f in found} == {
        ("2453000.00", 2, "unit_error"), ("24700.00", 2, "unit_error")}
    assert all("本表数字疑按元填列而单位标为万元" in f.formula for f in found)


def test_figures_a_unit_scale_apart_by_chance_are_no_unit_slip():
    # (0.01 and 100.00 are ×10⁴ apart, but one printed digit says nothing of a unit)
    text = UNIT_SLIP.replace("2.47", "0.01").replace("24700.00", "100.00").replace("345500.00", "320900.00")
    tiny = [f for f in _findings(text) if "公务接待费" in f.message]
    assert tiny and all(f.cls != "unit_error" for f in tiny)


def test_tables_of_one_stage_of_projects_each_are_no_statements_of_the_unit_s_total(tmp_path):
    """A workbook's 新建 and 续建 projects, each on a sheet with its own 合计 (concepts.yaml
    selection_scopes): neither total is the unit's 项目支出, no two statements of one figure."""
    import openpyxl

    from auditor.engine import audit_file

    book = openpyxl.Workbook()
    for k, (stage, rows) in enumerate([("新建", [("村级道路硬化", 86.4, 82.08), ("农村污水治理", 67.8, 64.41),
                                                 ("灌区渠系改造", 93.5, 88.83)]),
                                       ("续建", [("饮水管网延伸", 72.1, 68.5), ("河道清淤", 29.9, 28.41)])]):
        sheet = book.active if k == 0 else book.create_sheet()
        sheet.title = stage
        sheet.append([f"表{k + 1} 2024年度{stage}项目支出决算明细表"])
        sheet.append(["单位：万元"])
        sheet.append(["序号", "项目名称", "预算数", "决算数"])
        for n, (name, budget, spent) in enumerate(rows, 1):
            sheet.append([n, name, budget, spent])
        sheet.append(["", "合计", round(sum(r[1] for r in rows), 2), round(sum(r[2] for r in rows), 2)])
    path = tmp_path / "stages.xlsx"
    book.save(str(path))
    assert [f for f in audit_file(str(path), RULES).findings if f.rule == "FCT001"] == []
