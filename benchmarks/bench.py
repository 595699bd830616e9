"""Speed and memory figures (printed, never asserted).

    python benchmarks/bench.py [--batch 500] [--workers 2] [--quick]

Prints the figures of the acceptance list of the speed issue: real PDFs audited with the
pdfium reader against pdfplumber for everything; peak RSS of auditing a 200-page PDF; the
scaling slopes (benchmarks/scaling.py); .docx/.xlsx audit time against the library's own
load; CPU of `auditor check` on one seed and wall time on the five (fresh audits,
--no-cache); wall time of a second pre-commit run over the five unchanged seeds (results from
.auditor_cache); files per second over a batch of short text reports (the synthetic corpus's
.txt files, copied). Then the older figures: start-up, a batch of seed copies, synthetic
corpus, per-format latency, peak memory of a child. --quick skips the slow ones (synthetic
corpus, slopes).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SYNTHETIC = ROOT.parent / "shared" / "corpus" / "synthetic" / "files"
sys.path.insert(0, str(ROOT / "tests"))


def timed(cmd: list[str], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def auditor() -> list[str]:
    exe = shutil.which("auditor")
    return [exe] if exe else [sys.executable, "-m", "auditor"]


def per_format(tmp: Path) -> dict[str, float]:
    from fixtures import forms
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    rules = load_rules()
    writers = {".txt": forms.write_txt, ".docx": forms.write_docx, ".pdf": forms.write_pdf,
               ".xlsx": forms.write_xlsx}
    out = {}
    for suffix, writer in writers.items():
        path = tmp / f"form{suffix}"
        writer(path)
        audit_file(str(path), rules)  # warm the imports
        samples = []
        for _ in range(7):
            start = time.perf_counter()
            audit_file(str(path), rules)
            samples.append(time.perf_counter() - start)
        out[suffix] = statistics.median(samples)
    return out


def cpu_of(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds of the child, wall seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def real_pdfs(repeat: int = 3) -> None:
    """Audit time of each real PDF: pdfium reader against pdfplumber for everything."""
    from auditor.engine import audit_file
    from auditor.ingest import pdf_reader
    from auditor.ruleset import load_rules

    files = sorted((ROOT.parent / "shared" / "corpus" / "real-pdfs").glob("*.pdf"))
    if not files:
        print("real PDFs: ../shared/corpus/real-pdfs not found")
        return
    rules = load_rules()
    fast_reader = pdf_reader.read_pdf
    audit_file(str(files[0]), rules)
    ratios = []
    for path in files:
        timings = {}
        for name, reader in (("pdfium", fast_reader), ("pdfplumber", pdf_reader.read_pdf_plumber)):
            pdf_reader.read_pdf = reader
            samples = []
            for _ in range(repeat):
                start = time.process_time()
                audit_file(str(path), rules)
                samples.append(time.process_time() - start)
            timings[name] = statistics.median(samples)
        pdf_reader.read_pdf = fast_reader
        stats: dict = {}
        fast_reader(str(path), stats=stats)
        ratios.append(timings["pdfium"] / timings["pdfplumber"])
        print(f"real PDF {path.name[:24]:24s} audit {timings['pdfium']:.2f} s CPU, pdfplumber for everything "
              f"{timings['pdfplumber']:.2f} s: {ratios[-1]:.2f}x ({1 / ratios[-1]:.1f} times faster); "
              f"pages by pdfium/pdfplumber {stats.get('pdfium', 0)}/{stats.get('pdfplumber', 0)}")
    print(f"real PDFs, median ratio pdfium/pdfplumber: {statistics.median(ratios):.2f}x")


def long_pdf(tmp: Path) -> None:
    import pdf200

    path = pdf200.make_pdf(tmp / "long.pdf", 200)
    print(f"200-page PDF, peak RSS of an audit: {pdf200.peak_rss(path, 'audit'):.0f} MiB "
          f"(reading alone {pdf200.peak_rss(path, 'read_pdf'):.0f} MiB)")


def slopes() -> None:
    import io

    import scaling

    buffer = io.StringIO()
    # the median of three runs per size: one run leaves a slope to the noise of a shared machine
    results = scaling.run(list(scaling.SHAPES), [1, 2, 5, 10, 20], repeat=3, out=buffer)
    for line in buffer.getvalue().splitlines():
        print(f"  {line}")
    worst = max(results.items(), key=lambda item: item[1][1])
    print(f"scaling slopes (audit): max {worst[1][1]:.2f} ({worst[0]}); "
          + ", ".join(f"{name} {audit:.2f}" for name, (_, audit) in results.items()))


def library_ratio(tmp: Path, repeat: int = 7) -> None:
    """Audit of a .docx/.xlsx against python-docx's / openpyxl's own load of the same file (the
    acceptance figure), and, for scale, against that load plus reading every paragraph's and
    cell's text through the library (what any program using the library for the content pays)."""
    from fixtures import forms
    from auditor.engine import audit_file
    from auditor.ingest import load
    from auditor.ruleset import load_rules

    rules = load_rules()
    cases = {".docx": (forms.write_docx, _docx_load, _docx_text),
             ".xlsx": (forms.write_xlsx, _xlsx_load, _xlsx_text)}
    for suffix, (writer, loader, with_text) in cases.items():
        paths = [tmp / f"lib{suffix}"]
        writer(paths[0])
        paths += _one_per_template(suffix)
        figures: dict[str, list[float]] = {"audit": [], "load": [], "text": [], "read": []}
        for path in paths:
            audit_file(str(path), rules)
            samples: dict[str, list[float]] = {name: [] for name in figures}
            steps = {"audit": lambda p: audit_file(p, rules), "load": loader, "text": with_text,
                     "read": load}  # read: the document model alone, without the rules
            for _ in range(repeat):
                for name, step in steps.items():
                    start = time.process_time()
                    step(str(path))
                    samples[name].append(time.process_time() - start)
            for name in figures:
                figures[name].append(statistics.median(samples[name]))
        total = {name: sum(values) for name, values in figures.items()}
        per_file = {name: value * 1000 / len(paths) for name, value in total.items()}
        print(f"{suffix} audit / library load: {total['audit'] / total['load']:.2f}x "
              f"({per_file['audit']:.1f} ms vs {per_file['load']:.1f} ms, {len(paths)} files); "
              f"reading alone / library load: {total['read'] / total['load']:.2f}x ({per_file['read']:.1f} ms); "
              f"audit / library load and its text: {total['audit'] / total['text']:.2f}x ({per_file['text']:.1f} ms)")


def _one_per_template(suffix: str) -> list[Path]:
    """The first synthetic file of each template (d01_…, d02_…): every layout, not one layout five times."""
    firsts: dict[str, Path] = {}
    for path in sorted(SYNTHETIC.glob(f"*{suffix}")) if SYNTHETIC.is_dir() else []:
        firsts.setdefault(path.name.split("_")[0], path)
    return list(firsts.values())


def _docx_load(path: str):
    import docx

    return docx.Document(path)


def _docx_text(path: str) -> int:
    document = _docx_load(path)
    return sum(len(p.text) for p in document.paragraphs) + sum(
        len(cell.text) for table in document.tables for row in table.rows for cell in row.cells)


def _xlsx_load(path: str):
    import openpyxl

    return openpyxl.load_workbook(path, data_only=True)


def _xlsx_text(path: str) -> int:
    book = _xlsx_load(path)
    return sum(len(str(value)) for sheet in book.worksheets
               for row in sheet.iter_rows(values_only=True) for value in row if value is not None)


def seeds_cpu(tmp: Path) -> None:
    """Acceptance 5, first part: fresh audits (--no-cache), as a first run or a changed file costs."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        return
    one = [cpu_of(auditor() + ["check", str(seeds[0]), "--format", "json", "--report", str(tmp / "one.json"),
                               "--no-cache"]) for _ in range(5)]
    five = [cpu_of(auditor() + ["check", str(SEEDS), "--format", "json", "--report", str(tmp / "five.json"),
                                "--no-cache"]) for _ in range(5)]
    print(f"auditor check on one seed: {statistics.median(c for c, _ in one):.2f} s CPU "
          f"({statistics.median(w for _, w in one):.2f} s wall); on the five seeds: "
          f"{statistics.median(w for _, w in five):.2f} s wall ({statistics.median(c for c, _ in five):.2f} s CPU)")


def cached_second_run(tmp: Path, repeat: int = 7) -> None:
    """Acceptance 5, second part: the pre-commit hook's command over the five seeds, unchanged since
    the run before (results from .auditor_cache)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        return
    project = tmp / "precommit"
    project.mkdir()
    (project / ".git").mkdir()  # the project root: .auditor_cache goes here
    for path in seeds:
        shutil.copy(path, project / path.name)
    cmd = auditor() + ["check", "--format", "text", "--workers", "1", *(p.name for p in seeds)]
    first = cpu_of_in(cmd, project)
    runs = [cpu_of_in(cmd, project) for _ in range(repeat)]
    print(f"second pre-commit run over the five unchanged seeds (from .auditor_cache): "
          f"{statistics.median(w for _, w in runs):.3f} s wall, {statistics.median(c for c, _ in runs):.3f} s CPU "
          f"(first run {first[1]:.2f} s wall)")


def cpu_of_in(cmd: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def short_reports() -> list[Path]:
    """Short text reports: the synthetic corpus's .txt files (about 14 KB each), else the seeds."""
    found = sorted(SYNTHETIC.glob("*.txt")) if SYNTHETIC.is_dir() else []
    return found or sorted(SEEDS.glob("*.txt")) or sorted((ROOT / "examples").glob("*.txt"))


def batch(tmp: Path, count: int, workers: int, sources: list[Path] | None = None, name: str = "batch") -> float:
    """Files per second of `auditor check` over `count` copies of `sources` (fresh audits)."""
    folder = tmp / name
    sources = sources or short_reports()
    if not folder.exists():
        folder.mkdir()
        for i in range(count):
            shutil.copy(sources[i % len(sources)], folder / f"{i:04d}.txt")
    cpu, wall = cpu_of(auditor() + ["check", str(folder), "--workers", str(workers), "--format", "json",
                                    "--report", str(tmp / f"{name}-{workers}.json"), "--no-cache"])
    CPU_PER_FILE[(name, workers)] = cpu / count
    return count / wall


CPU_PER_FILE: dict = {}  # (batch, workers) -> CPU seconds per file, all processes together


def main() -> None:
    # an installed package carries its bytecode (pip compiles it); with PYTHONDONTWRITEBYTECODE
    # set, every start of the commands timed here would compile each changed module again
    # (0.15 s of CPU measured on one check), a cost of the development setup, not of the tool
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        print("== acceptance figures ==")
        real_pdfs()
        long_pdf(tmp)
        if not args.quick:
            slopes()
        library_ratio(tmp)
        seeds_cpu(tmp)
        cached_second_run(tmp)
        short = short_reports()
        size = statistics.median(p.stat().st_size for p in short) / 1024
        many = batch(tmp, args.batch, args.workers)
        per_file = CPU_PER_FILE[("batch", args.workers)]
        print(f"batch of {args.batch} short text reports ({len(short)} files of a median {size:.0f} KB, copied): "
              f"{many:.1f} files/s with {args.workers} workers ({per_file * 1000:.0f} ms CPU per file: at most "
              f"{args.workers / per_file:.0f} files/s on {args.workers} idle cores)")
        print("== other figures ==")
        print(f"startup (auditor --version): {timed(auditor() + ['--version']):.3f} s; "
              f"(auditor --help): {timed(auditor() + ['--help']):.3f} s")
        seeds = sorted(SEEDS.glob("*.txt"))
        if seeds:
            mixed = batch(tmp, args.batch, args.workers, seeds, "seeds")
            print(f"batch of {args.batch} copies of the five seeds (13-96 KB): {mixed:.1f} files/s with "
                  f"{args.workers} workers")
        if SYNTHETIC.is_dir() and not args.quick:
            seconds = timed(auditor() + ["check", str(SYNTHETIC), "--format", "json", "--report",
                                         str(tmp / "syn.json"), "--no-cache"], repeat=1)
            print(f"check of the synthetic corpus ({len(list(SYNTHETIC.iterdir()))} files, "
                  f"{os.cpu_count()} workers): {seconds:.1f} s")
        for suffix, seconds in per_format(tmp).items():
            print(f"median latency {suffix}: {seconds * 1000:.1f} ms")
        one = batch(tmp, args.batch, 1)
        print(f"batch of {args.batch} files: {one:.1f} files/s with 1 worker, "
              f"{many:.1f} files/s with {args.workers} workers (speed-up {many / one:.2f}x)")
        usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of a child process: {usage:.0f} MiB")


if __name__ == "__main__":
    main()
