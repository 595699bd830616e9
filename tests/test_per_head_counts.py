"""DRV014 on figures per head whose heads are counted elsewhere (kinds/per_head_counts.py).

Each test writes a report of its own: the heads stated in an overview section, the figure per
head sections later, as 按…计算 names them or not, in text, Word and web pages alike; and the
counts that must not be read (another kind of heads, another year, a sum over years, a part of
a whole, two counts neither of which is named).
"""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.ruleset import load_rules

BY_ID = {r.id: r for r in load_rules()}
TITLE = "某站2024年度部门整体支出绩效自评报告"
OVERVIEW = "一、部门概况\n本站内设3个科室。截至2024年12月31日，在职人员64人，其中专业技术人员40人；离退休人员25人。\n"
SPENDING = "二、支出情况\n全年支出2,400.00万元。其中人员经费1,280.00万元，公用经费192.00万元，{claim}。\n"


def found(text: str) -> list[tuple[str, str]]:
    doc = document_from_text(f"{TITLE}\n{text}", "report.txt")
    return [(f.stated, f.expected) for f in audit_document(doc, [BY_ID["DRV014"]]).findings]


@pytest.mark.parametrize("claim,stated,expected", [
    # the basis names those at work: 64, not the 40 among them nor the 25 retired
    ("按在职人员计算人均公用经费3.30万元", "3.30万元", "3.00万元"),
    ("按年末在职人数测算，人均人员经费21.00万元", "21.00万元", "20.00万元"),
    # no basis: the heads at work, the retired meant only when named
    ("人均人员经费22.00万元", "22.00万元", "20.00万元"),
])
def test_heads_counted_in_an_earlier_section(claim, stated, expected):
    assert found(OVERVIEW + SPENDING.format(claim=claim)) == [(stated, expected)]


@pytest.mark.parametrize("claim", ["按在职人员计算人均公用经费3.00万元", "人均人员经费20.00万元"])
def test_right_figures_over_heads_counted_earlier_are_quiet(claim):
    assert found(OVERVIEW + SPENDING.format(claim=claim)) == []


@pytest.mark.parametrize("overview,claim", [
    # posts (编制) are no count of those at work, nor the retired
    ("一、部门概况\n年末编制人数80人，离退休人员25人。\n", "按在职人员计算人均公用经费2.40万元"),
    # those at work last year
    ("一、部门概况\n2023年末在职人员80人。\n", "人均公用经费2.40万元"),
    # two counts of the staff (posts, at work), neither named by the figure
    ("一、部门概况\n年末编制人数80人，实有在职人员76人。\n", "人均公用经费2.40万元"),
    # the basis names heads no count is of
    ("一、部门概况\n在职人员80人。\n", "按服务对象计算人均公用经费2.40万元"),
])
def test_other_counts_of_heads_are_not_read(overview, claim):
    """Each would give 192.00 ÷ 80 = 2.40, not 3.00: none is read (nor 192.00 ÷ 76)."""
    assert found(overview + SPENDING.format(claim=claim.replace("2.40", "3.00"))) == []
    assert found(overview + SPENDING.format(claim=claim)) == []


def test_a_figure_per_head_of_the_retired_is_over_the_retired():
    text = OVERVIEW + "二、支出情况\n离退休费150.00万元，按离退休人员计算人均离退休费5.00万元。\n"
    assert found(text) == [("5.00万元", "6.00万元")]


def test_per_mu_over_the_area_the_basis_names():
    """亩均 over the area built (万亩), not the area planned nor the one built over the years."""
    text = ("一、项目概况\n截至2024年底累计建成高标准农田12.00万亩。\n"
            "二、绩效情况\n2024年计划建设1.50万亩，实际建成1.60万亩。项目实际投入补助资金2,400.00万元，"
            "按建成面积计算，亩均补助资金1,600元。\n")
    assert found(text) == [("1,600元", "1,500.00元")]
    assert found(text.replace("1,600元", "1,500元")) == []


def test_word_and_web_pages_are_read_alike(tmp_path):
    import docx

    claim = "按在职人员计算人均公用经费3.30万元"
    paragraphs = [*OVERVIEW.strip().split("\n"), *SPENDING.format(claim=claim).strip().split("\n")]
    word = tmp_path / "report.docx"
    document = docx.Document()
    document.add_paragraph(TITLE)
    for text in paragraphs:
        if text.endswith("情况") or text.endswith("概况"):
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    document.save(word)
    page = tmp_path / "report.html"
    body = "".join(f"<h2>{t}</h2>" if t.endswith("况") else f"<p>{t}</p>" for t in paragraphs)
    page.write_text(f"<html><body><h1>{TITLE}</h1>{body}</body></html>", encoding="utf-8")
    for path in (word, page):
        findings = audit_document(load(path), [BY_ID["DRV014"]]).findings
        assert [(f.stated, f.expected) for f in findings] == [("3.30万元", "3.00万元")], path.suffix
