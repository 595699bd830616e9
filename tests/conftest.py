from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = CORPUS / "seeds"


def seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds 不在本仓库旁边（单独克隆时跳过语料测试）")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"语料中没有 {prefix} 号样本")
    return matches[0]


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds 不在本仓库旁边（单独克隆时跳过语料测试）")
    return SEEDS


@pytest.fixture(autouse=True)
def _audit_afresh(monkeypatch):
    """Every test audits afresh: several inject faults into the audit, compare fresh runs across
    worker counts, or check the folders they ran in. tests/test_cache*.py switch the cache on."""
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")


@pytest.fixture
def audits(monkeypatch):
    """Records every batch run, so a test can assert no file was audited."""
    from auditor import batch

    calls = []
    real = batch.run

    def spy(files, *args, **kwargs):
        calls.append(files)
        return real(files, *args, **kwargs)

    monkeypatch.setattr(batch, "run", spy)
    return calls


@pytest.fixture(scope="module")
def canvas_factory():
    """A reportlab canvas on an A4 page set in a CJK font: PDFs of known layout for the PDF readers' tests."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def make(path: Path, size: float = 9):
        c = canvas.Canvas(str(path), pagesize=A4)
        c.setFont("STSong-Light", size)
        return c

    return make
