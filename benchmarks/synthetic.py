"""Detection figures on the synthetic corpus (printed; the test suite asserts the thresholds).

    python benchmarks/synthetic.py [--class ratio_mismatch ...] [--format txt ...] [--misses]
                                   [--false-alarms] [--workers N]

Audits ../shared/corpus/synthetic/files (or only the mutated files of the chosen classes and
formats, with the clean files of the same bases and formats, so the differential score still
holds), then runs the corpus's own score.py with --ignore-class missing_content. With
--false-alarms it also lists every finding on a clean file.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT.parent / "shared" / "corpus" / "synthetic"


def select(truth: dict, classes: list[str], formats: list[str]) -> list[dict]:
    """Mutated files of the classes and formats asked for, plus the matching clean files."""
    chosen = [f for f in truth["files"] if f["variant"] != "clean"
              and (not classes or f["finding"]["class"] in classes)
              and (not formats or f["format"] in formats)]
    keys = {(f["base"], f["format"]) for f in chosen}
    clean = [f for f in truth["files"] if f["variant"] == "clean"
             and ((f["base"], f["format"]) in keys or (not classes and (not formats or f["format"] in formats)))]
    return clean + chosen


def run(paths: list[Path], report: Path, workers: int) -> float:
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "auditor", "check", *map(str, paths), "--format", "json",
           "--report", str(report), "--fail-on", "error", "--workers", str(workers), "--no-cache"]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def false_alarms(report: Path, truth: dict) -> None:
    clean = {f["file"] for f in truth["files"] if f["variant"] == "clean"}
    for record in json.loads(report.read_text(encoding="utf-8"))["files"]:
        rel = "files/" + Path(record["path"]).name
        if rel not in clean:
            continue
        for f in record["findings"]:
            if f["class"] != "missing_content":
                print(f"FA {rel} {f['rule']} {f['severity']} {f['message'][:140]} | {f['quote'][:60]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--class", dest="classes", action="append", default=[])
    parser.add_argument("--format", dest="formats", action="append", default=[])
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--false-alarms", action="store_true")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--report", type=Path, default=None, help="keep the JSON findings here")
    args = parser.parse_args()
    if not SYNTHETIC.is_dir():
        print(f"no synthetic corpus at {SYNTHETIC}")
        return 2
    truth = yaml.safe_load((SYNTHETIC / "truth.yaml").read_text(encoding="utf-8"))
    files = select(truth, args.classes, args.formats)
    report = args.report or Path(tempfile.mkdtemp()) / "synthetic.json"
    seconds = run([SYNTHETIC / f["file"] for f in files], report, args.workers)
    print(f"audited {len(files)} files in {seconds:.1f} s")
    score = [sys.executable, "score.py", str(report), "--ignore-class", "missing_content"]
    if args.misses:
        score.append("--misses")
    subprocess.run(score, cwd=SYNTHETIC, check=False)
    if args.false_alarms:
        false_alarms(report, truth)
    return 0


if __name__ == "__main__":
    sys.exit(main())
