"""The CLI end to end: reports, the JSON contract, exit codes, unreadable files."""
from __future__ import annotations

import json
import re
import shutil

from typer.testing import CliRunner

from auditor.cli import app
from auditor.findings import CLASSES

runner = CliRunner()
EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[1] / "examples"


def test_seeds_report_shows_the_execution_score_slip(seeds_dir, tmp_path):
    report = tmp_path / "seeds.html"
    result = runner.invoke(app, ["check", str(seeds_dir), "--report", str(report)])
    assert result.exit_code == 1, result.output
    html = report.read_text(encoding="utf-8")
    assert "<script src=" not in html and "<link" not in html  # self-contained
    section = next(s for s in html.split('<section class="doc"') if '<div class="path">' in s
                   and "004_" in s.split('<div class="path">')[1][:200])
    finding = section[section.index('<div class="finding'):]
    assert "81.52%" in finding[:4000]
    assert re.search(r"表中数值</td><td>(<mark>)?10(</mark>)?</td>", finding)  # a cell: stated in the table
    assert re.search(r"应为</td><td>(<mark>)?8\.15(</mark>)?</td>", finding)
    assert "得分 = 分值 × 执行率 = 10 × 81.52% = 8.15" in finding


def test_json_contract(seeds_dir, tmp_path):
    out = tmp_path / "seeds.json"
    runner.invoke(app, ["check", str(seeds_dir), "--format", "json", "--report", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["files"]) == 5
    for entry in data["files"]:
        assert set(entry) >= {"path", "error", "meta", "findings", "not_assessable"}
        for f in entry["findings"]:
            assert f["class"] in CLASSES and f["severity"] in ("error", "warning", "info")
            assert set(f) >= {"rule", "class", "severity", "message", "quote", "location", "stated",
                              "expected", "formula"}
            text = open(entry["path"], encoding="utf-8").read()
            # the quote is text as read: every non-blank piece of it appears in the source
            for piece in (p for p in re.split(r"\s+", f["quote"]) if p):
                assert piece in text, (f["rule"], piece)
        for na in entry["not_assessable"]:
            assert set(na) == {"rule", "reason"}
            assert "出错" not in na["reason"], (entry["path"], na)  # a rule that fails is a defect, not a verdict


def test_bad_files_are_reported_and_the_rest_still_audited(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(EXAMPLES / "部门整体支出绩效自评报告示例.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04broken")
    unreadable = folder / "locked.txt"
    unreadable.write_text("2024年度", encoding="utf-8")
    unreadable.chmod(0)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["check", str(folder), "--format", "json", "--report", str(out)])
    assert result.exit_code == 3
    files = {e["path"].rsplit("/", 1)[-1]: e for e in json.loads(out.read_text(encoding="utf-8"))["files"]}
    assert "为空" in files["empty.txt"]["error"]
    assert "Word" in files["corrupt.docx"]["error"]
    assert files["good.txt"]["error"] is None and files["good.txt"]["findings"]
    import os
    if os.geteuid() != 0:  # root can read a file without permissions
        assert "权限" in files["locked.txt"]["error"]
    html_out = tmp_path / "out.html"
    runner.invoke(app, ["check", str(folder), "--report", str(html_out)])
    assert "无法读取" in html_out.read_text(encoding="utf-8")


def test_examples_exit_codes_and_determinism(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    result = runner.invoke(app, ["check", str(EXAMPLES), "--report", str(first)])
    assert result.exit_code == 1
    runner.invoke(app, ["check", str(EXAMPLES), "--report", str(second)])
    assert first.read_bytes() == second.read_bytes()
    quiet = runner.invoke(app, ["check", str(EXAMPLES), "--fail-on", "error", "--report", str(first),
                                "--rules", str(tmp_path / "missing")])
    assert quiet.exit_code == 2 and "规则" in quiet.output


def test_hostile_text_is_escaped(tmp_path):
    doc = tmp_path / "hostile.txt"
    doc.write_text("2024年度部门整体支出绩效自评报告\n"
                   "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
                   "年度资金总额<script>alert(1)</script>\t100\t100\t50\t10\t50%\t10\n", encoding="utf-8")
    out = tmp_path / "h.html"
    runner.invoke(app, ["check", str(doc), "--report", str(out)])
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_inspect_shows_typed_tables():
    result = runner.invoke(app, ["inspect", str(EXAMPLES / "部门整体支出绩效自评报告示例.txt")])
    assert result.exit_code == 0
    assert "识别为：绩效指标评分表" in result.output and "识别为：预算执行情况" in result.output
    as_json = runner.invoke(app, ["inspect", "--json", str(EXAMPLES / "部门决算示例.md")])
    data = json.loads(as_json.output)
    assert {t["type"] for t in data["typed_tables"]} >= {"budget_by_code", "three_public"}


def test_rules_commands():
    listing = runner.invoke(app, ["rules", "list"])
    assert "SCO001" in listing.output
    explained = runner.invoke(app, ["rules", "explain", "SCO001"])
    assert "## 检查内容" in explained.output and "应报告的示例" in explained.output
    tested = runner.invoke(app, ["rules", "test"])
    assert tested.exit_code == 0 and " 0 failed" in tested.output


def test_a_text_finding_shows_the_table_cell_it_is_checked_against(tmp_path):
    """The HTML card of a sentence restating a table figure wrongly shows that table with the
    cell highlighted (and no cell marked as the finding), so both sides are on the page."""
    doc = tmp_path / "restated.txt"
    doc.write_text("某某中心2025年度部门决算\n本年支出合计812.40万元。\n\n收入支出决算总表\n单位：万元\n"
                   "项目\t决算数\n本年收入合计\t821.40\n本年支出合计\t821.40\n", encoding="utf-8")
    out = tmp_path / "r.html"
    runner.invoke(app, ["check", str(doc), "--report", str(out), "--no-cache"])
    html = out.read_text(encoding="utf-8")
    card = html.split('class="finding error"', 1)[1].split('class="finding', 1)[0]
    assert "FCT001" in card and "821.40万元" in card
    assert 'data-cells="3:2"' in card and 'data-target="0:0"' in card
    assert re.search(r'<td class="hl\s*"[^>]*>821\.40', card)
