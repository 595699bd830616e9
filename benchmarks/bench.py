"""Speed and memory figures (printed, never asserted).

    python benchmarks/bench.py [--batch 200] [--workers N]

Prints: CLI start-up (`auditor --help`), `auditor check` on the seeds (start-up included) and
on the synthetic corpus,
per-file median latency for .txt, .docx, .pdf and .xlsx, files per second over a batch with
1 worker and with all workers, and peak memory of one check.
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


def batch(tmp: Path, count: int, workers: int) -> float:
    folder = tmp / "batch"
    if not folder.exists():
        folder.mkdir()
        sources = sorted(SEEDS.glob("*.txt")) or sorted((ROOT / "examples").glob("*.txt"))
        for i in range(count):
            shutil.copy(sources[i % len(sources)], folder / f"{i:04d}.txt")
    start = time.perf_counter()
    subprocess.run(auditor() + ["check", str(folder), "--workers", str(workers), "--format", "json",
                                "--report", str(tmp / f"batch-{workers}.json")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        print(f"startup (auditor --help): {timed(auditor() + ['--help']):.3f} s")
        if SEEDS.is_dir():
            seconds = timed(auditor() + ["check", str(SEEDS), "--format", "json", "--report", str(tmp / "s.json")])
            print(f"check of the five seeds (start-up included): {seconds:.3f} s")
        if SYNTHETIC.is_dir():
            seconds = timed(auditor() + ["check", str(SYNTHETIC), "--format", "json", "--report",
                                         str(tmp / "syn.json")], repeat=1)
            print(f"check of the synthetic corpus ({len(list(SYNTHETIC.iterdir()))} files, "
                  f"{os.cpu_count()} workers): {seconds:.1f} s")
        for suffix, seconds in per_format(tmp).items():
            print(f"median latency {suffix}: {seconds * 1000:.1f} ms")
        one = batch(tmp, args.batch, 1)
        many = batch(tmp, args.batch, args.workers)
        print(f"batch of {args.batch} files: {one:.1f} files/s with 1 worker, "
              f"{many:.1f} files/s with {args.workers} workers (speed-up {many / one:.2f}x)")
        usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of a child process: {usage:.0f} MiB")


if __name__ == "__main__":
    main()
