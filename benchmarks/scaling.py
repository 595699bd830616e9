"""How audit time grows with the size of a document, shape by shape.

    python benchmarks/scaling.py [--sizes 1 2 5 10 20] [--base N] [--shape NAME]...

For each shape a document is generated at 1x..20x its base size and audited in-process
(reading, fact base, rules); the CPU time of reading alone and of the whole audit is measured
(median of a few runs) and the slope of log(time) against log(size) is printed. A slope near
1 is linear; 2 is quadratic. Peak RSS of the process is printed at the end.
"""
from __future__ import annotations

import argparse
import math
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def _seed_text() -> str:
    seeds = sorted(SEEDS.glob("*.txt")) or sorted((ROOT / "examples").glob("*.txt"))
    return seeds[0].read_text(encoding="utf-8") if seeds else ""


def shape_document(n: int) -> str:
    """A whole report repeated n times (sections, tables, prose)."""
    return "\n".join(_seed_text() for _ in range(n))


def shape_space_table(n: int) -> str:
    """A table exported as space-separated lines, no tabs, no 。 (150 lines per unit)."""
    lines = ["项目名称 预算数 决算数 完成率"]
    for k in range(150 * n):
        lines.append(f"一般公共服务支出项目{k} {100 + k}.00 {98 + k}.50 {90 + k % 10}.5%")
    return "\n".join(lines)


def shape_wrapped_paragraph(n: int) -> str:
    """One paragraph wrapped over many lines (200 lines per unit), sentences inside."""
    lines = []
    for k in range(200 * n):
        lines.append(f"本部门第{k}项支出为{k + 10}.50万元，比上年增长{k % 9}.2%，主要用于日常运转" +
                     ("。" if k % 5 == 4 else ""))
    return "\n".join(lines)


def shape_wrapped_sentence(n: int) -> str:
    """One sentence wrapped over many lines, no full stop anywhere (200 lines per unit)."""
    return "\n".join(f"本部门第{k}项支出为{k + 10}.50万元比上年增长{k % 9}.2%主要用于日常运转和设备购置"
                     for k in range(200 * n))


def shape_long_sentence(n: int) -> str:
    """One sentence of clauses with amounts, no full stop (300 clauses per unit)."""
    return "，".join(f"第{k}项支出{k + 1}.00万元" for k in range(300 * n)) + "。"


def shape_direction_sentences(n: int) -> str:
    """Many short sentences stating a change and its direction (300 per unit)."""
    return "\n".join(f"{k}、本年支出{100 + k}.00万元，比上年增加{k % 7 + 1}.00万元，增长{k % 5 + 1}.0%。"
                     for k in range(300 * n))


def shape_last_year_bases(n: int) -> str:
    """A report comparing many figures with last year's and stating last year's figures, one of
    them after a fall of 99.9% (its implied base a thousand times wider than the others': 100 of
    each per unit)."""
    lines = [f"{k}、第{k}项支出{1000 + k}.00万元，比上年增加{k % 7 + 10}.00万元，增长{k % 5 + 1}.00%。"
             f"2023年第{k}项支出{990 + k}.00万元。" for k in range(100 * n)]
    return "某局2024年度部门决算说明\n其他支出5,000.00万元，比上年下降99.9%。\n" + "\n".join(lines)


def shape_repeated_label(n: int) -> str:
    """One label repeated with amounts (300 per unit)."""
    return "\n".join(f"基本支出{100 + k}.00万元。" for k in range(300 * n))


# Issue 9: tiny files that were quadratic. Each is one line (at 20x far under the reader's
# line limit) or many short paragraphs.
def shape_count_digits(n: int) -> str:
    """Digits and stated counts, each opening a list (the count kind's enumeration: 20 KB took 4.7 s)."""
    return "1111111111个：" * (100 * n)


def shape_input_tags(n: int) -> str:
    """`<input ` with no `>` after it (the checkbox clean-up: 105 KB took over 10 s)."""
    return "<input " * (700 * n)


def shape_bookmarks(n: int) -> str:
    """`[bookmark:` with no `]` after it (the bookmark clean-up)."""
    return "[bookmark:" * (490 * n)


def shape_clause_breaks(n: int) -> str:
    """One sentence of clause breaks (14 KB took 4 s)."""
    return "本年支出100.00万元" + "，" * (250 * n) + "。"


def shape_short_paragraphs(n: int) -> str:
    """Short paragraphs, 500 per unit (10,000 took 10 s)."""
    return "\n\n".join(f"第{k}段。" for k in range(500 * n))


def shape_unitless_table(n: int) -> str:
    """A table printing no unit beside sentences stating figures of its concepts (300 each per
    unit): the fact base looks for the unit the text states them in."""
    sentences = "".join(f"第{k}项公务接待费{k + 1}.25万元。\n" for k in range(300 * n))
    cells = "".join(f"公务接待费\t{k + 1}.50\n" for k in range(300 * n))
    return "某局2025年度部门决算\n" + sentences + "“三公”经费支出决算表\n项目\t决算数\n" + cells


SHAPES = {
    "document": shape_document,
    "space_table": shape_space_table,
    "wrapped_paragraph": shape_wrapped_paragraph,
    "wrapped_sentence": shape_wrapped_sentence,
    "long_sentence": shape_long_sentence,
    "direction_sentences": shape_direction_sentences,
    "repeated_label": shape_repeated_label,
    "last_year_bases": shape_last_year_bases,
    "count_digits": shape_count_digits,
    "input_tags": shape_input_tags,
    "bookmarks": shape_bookmarks,
    "clause_breaks": shape_clause_breaks,
    "short_paragraphs": shape_short_paragraphs,
    "unitless_table": shape_unitless_table,
}


def slope(sizes: list[float], seconds: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def measure(path: Path, rules, repeat: int) -> tuple[float, float]:
    from auditor.engine import audit_file
    from auditor.ingest import load

    reads, audits = [], []
    # one run first, untimed: the memos of words and patterns a run fills once (for every size
    # alike) are filled before the timing, which then measures the document's own cost
    load(str(path))
    audit_file(str(path), rules)
    for _ in range(repeat):
        start = time.process_time()
        load(str(path))
        reads.append(time.process_time() - start)
        start = time.process_time()
        audit_file(str(path), rules)
        audits.append(time.process_time() - start)
    return statistics.median(reads), statistics.median(audits)


def run(shapes: list[str], sizes: list[int], repeat: int = 3, out=sys.stdout) -> dict[str, tuple[float, float]]:
    from auditor.ruleset import load_rules

    rules = load_rules()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in shapes:
            reads, audits, chars = [], [], []
            for n in sizes:
                path = Path(tmp) / f"{name}-{n}.txt"
                path.write_text(SHAPES[name](n), encoding="utf-8")
                chars.append(path.stat().st_size)
                r, a = measure(path, rules, repeat)
                reads.append(r)
                audits.append(a)
            results[name] = (slope(sizes, reads), slope(sizes, audits))
            print(f"{name:20s} {chars[0] / 1024:7.1f}-{chars[-1] / 1024:7.1f} KB  "
                  f"read {reads[0] * 1000:7.1f}-{reads[-1] * 1000:8.1f} ms slope {results[name][0]:.2f}  "
                  f"audit {audits[0] * 1000:7.1f}-{audits[-1] * 1000:8.1f} ms slope {results[name][1]:.2f}",
                  file=out, flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 5, 10, 20])
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    run(args.shape or list(SHAPES), args.sizes, args.repeat)
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
