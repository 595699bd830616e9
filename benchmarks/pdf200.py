"""A synthetic long PDF (text pages and ruled-table pages) and the peak memory of reading it.

    python benchmarks/pdf200.py [--pages 200] [--audit]

Prints the peak RSS and the CPU time of a fresh process that reads (or, with --audit, audits)
the PDF, for the pdfium reader and for the pdfplumber-only reader (issue 10: an audit of the
200-page PDF peaks at 150 MB at most).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

PARAGRAPH = ("本部门{year}年度一般公共预算财政拨款支出{a}万元，比上年增加{b}万元，增长{c}%。"
             "主要原因是人员经费和项目支出增加，其中基本支出{d}万元，项目支出{e}万元。")


def make_pdf(path: Path, pages: int = 200) -> Path:
    """Every other page is a ruled table of 25 rows; the others hold 30 lines of prose."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        c.setFont("STSong-Light", 10)
        if page % 2:
            c.drawString(72, 790, f"表{page} 一般公共预算财政拨款支出决算表（单位：万元）")
            for row in range(25):
                y = 760 - row * 24
                for col, width in enumerate((180, 100, 100, 100)):
                    x = 60 + sum((180, 100, 100, 100)[:col])
                    c.rect(x, y, width, 24)
                    text = (f"项目{row}-{page}" if col == 0 else f"{(row + 1) * (col + 3) * 1.25:.2f}") \
                        if row else ["科目名称", "预算数", "决算数", "完成率%"][col]
                    c.drawString(x + 4, y + 8, text)
        else:
            for line in range(30):
                k = page * 30 + line
                text = PARAGRAPH.format(year=2023, a=100 + k, b=k % 17, c=k % 9, d=50 + k, e=50)
                c.drawString(60, 790 - line * 24, text[:44])
        c.showPage()
    c.save()
    return path


CHILD = """
import resource, sys
sys.setrecursionlimit(10000)
mode, path = sys.argv[1], sys.argv[2]
if mode == "audit":
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules
    audit_file(path, load_rules())
else:
    from auditor.ingest import pdf_reader
    getattr(pdf_reader, mode)(path)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)
"""


def measure(path: Path, mode: str) -> tuple[float, float]:
    """Peak RSS (MiB) and CPU seconds of a fresh interpreter that runs `mode` on the file."""
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path)], capture_output=True,
                         text=True, check=True)
    rss, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(rss), float(cpu)


def peak_rss(path: Path, mode: str) -> float:
    """Peak RSS (MiB) of a fresh interpreter that runs `mode` on the file."""
    return measure(path, mode)[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--audit", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = make_pdf(Path(tmp) / "long.pdf", args.pages)
        modes = ["read_pdf", "read_pdf_plumber"] + (["audit"] if args.audit else [])
        for mode in modes:
            rss, cpu = measure(path, mode)
            print(f"{args.pages}-page PDF, peak RSS of {mode}: {rss:.0f} MiB ({cpu:.1f} s CPU, start-up included)")


if __name__ == "__main__":
    main()
