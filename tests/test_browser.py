"""The HTML report in a real browser: it renders, filters change what is visible, no console
errors, hostile document text stays text, and a screenshot is left in reports/."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"]


@pytest.fixture
def report(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("2024年度项目支出绩效自评报告\n"
                       "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
                       "年度资金总额<script>alert('x')</script>\t100\t100\t50\t10\t50%\t10\n", encoding="utf-8")
    out = tmp_path / "report.html"
    CliRunner().invoke(app, ["check", str(ROOT / "examples"), str(hostile), "--report", str(out)])
    return out


def test_report_in_chromium(report, tmp_path):
    if CHROMIUM is None:
        pytest.skip("没有安装 Debian 的 chromium（.ci/run 会安装）")
    playwright = pytest.importorskip("playwright.sync_api")
    problems = []
    with playwright.sync_playwright() as p:
        # Playwright gives every launch a fresh, empty user-data-dir of its own.
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("dialog", lambda d: (problems.append("dialog: " + d.message), d.dismiss()))
        page.goto(report.as_uri())
        total = page.locator(".finding").count()
        assert total > 10
        assert page.locator(".finding:visible").count() == total
        assert page.get_by_text("<script>alert('x')</script>", exact=False).count() >= 1

        page.uncheck(".f-sev[value=error]")
        assert page.locator(".finding.error:visible").count() == 0
        assert 0 < page.locator(".finding:visible").count() < total
        page.check(".f-sev[value=error]")

        page.select_option("#f-class", "total_mismatch")
        classes = page.locator(".finding:visible").evaluate_all("els => els.map(e => e.dataset.class)")
        assert classes and set(classes) == {"total_mismatch"}
        page.select_option("#f-class", "")

        page.fill("#f-text", "SCO001")
        visible = page.locator(".finding:visible")
        assert visible.count() >= 1 and all("SCO001" in t for t in visible.all_text_contents())
        assert "显示" in page.inner_text("#count")
        page.fill("#f-text", "")

        page.click("#file-index th:nth-child(4)")
        first_errors = page.locator("#file-index tbody tr").first.locator("td").nth(3).inner_text()
        assert int(first_errors) == max(int(t) for t in page.locator("#file-index tbody tr td:nth-child(4)").all_inner_texts())

        (ROOT / "reports").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "reports" / "browser-test.png"), full_page=False)
        browser.close()
    assert problems == []
