"""Fuzz the readers, the number parser, the fact base, the text table rebuilder and the count kind
for N minutes.

    python benchmarks/fuzz.py [--minutes 10] [--workers 2] [--memory-mb 2048] [--case-timeout 10]
                              [--seed 1] [--targets readers,numbers,facts,tables,count] [--out DIR]

Inputs are generated here (tests/hostile/hostile_corpus.py: small reports in every format,
byte-mutated, re-encoded, HTML pages of random spans; random number strings; random text
tables; mutated report text for the fact base and the count rules); nothing is downloaded. Each case
runs in a forked worker with an address-space limit (RLIMIT_AS = --memory-mb) that the parent
kills when it runs longer than --case-timeout seconds, and replaces when it dies.

Prints cases tried, crashes (an exception the target does not declare: anything but ReadError
from a reader, anything at all from the others), hangs (killed on the time limit), workers out
of memory, and the peak RSS of a worker; crashing inputs are saved under --out with a
signature file. Exit status 1 when there was a crash or a hang.
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from multiprocessing import get_context
from multiprocessing.connection import wait
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import hostile_corpus  # noqa: E402
from auditor.batch import limit_memory  # noqa: E402

TARGETS = ("readers", "numbers", "facts", "tables", "count")
NUMBER_ALPHABET = list("0123456789０１２３４５６７８９.,，．()（）-－+%‰ 　万亿元千百十零一二两三四五六七八九e") + ["万元", "亿元"]
CELL_ALPHABET = ["合计", "项目", "本年支出", "基本支出", "12.5", "1,234.00", "100%", "—", "", " ", "万元", "（一）", "1", "0.00"]


# --- case generation (in the parent: deterministic for a seed) -------------------------

def number_case(r: random.Random) -> str:
    if r.random() < 0.05:
        return r.choice("123456789") * r.choice([4300, 5000, 20000, 100000])  # Python's int-string limit
    return "".join(r.choice(NUMBER_ALPHABET) for _ in range(r.randint(0, 40)))


def table_case(r: random.Random) -> list[str]:
    lines, width = [], r.randint(1, 12)
    separator = r.choice(["\t", "|", "  ", "\u3000", " | "])
    for _ in range(r.randint(1, 60)):
        cells = [r.choice(CELL_ALPHABET) for _ in range(max(1, width + r.randint(-2, 2)))]
        line = separator.join(cells)
        if separator == "|" and r.random() < 0.7:
            line = "|" + line + "|"
        if r.random() < 0.1:
            line = r.choice(["", "|---|---|", "单位：万元", "表1 收入支出决算总表", "注：" + "。" * 50])
        lines.append(line)
    return lines


def make_case(r: random.Random, target: str, bases: dict[str, bytes]) -> tuple[str, object]:
    if target == "readers":
        suffix = r.choice(sorted(bases))
        data = bases[suffix]
        if suffix in (".docx", ".xlsx") and r.random() < 0.6:
            return target, (suffix, hostile_corpus.mutate_zip(r, data))
        if suffix in (".txt", ".md", ".html") and r.random() < 0.15:
            return target, (suffix, hostile_corpus.reencode(r, data))
        if suffix == ".html" and r.random() < 0.3:
            return target, (suffix, hostile_corpus.html_tables(r))
        return target, (suffix, hostile_corpus.mutate_bytes(r, data))
    if target == "numbers":
        return target, [number_case(r) for _ in range(20)]
    if target in ("facts", "count"):
        text = hostile_corpus.mutate_bytes(r, hostile_corpus.REPORT_TXT.encode("utf-8"))
        return target, text.decode("utf-8", errors="replace")
    return target, table_case(r)


# --- the work (in a worker) ------------------------------------------------------------

COUNT_RULES = None  # the count rules of the default pack, loaded once per worker

def run_case(target: str, data, scratch: str) -> None:
    """Raise what the target raises that it does not declare."""
    if target == "readers":
        from auditor.ingest import ReadError, load

        suffix, body = data
        path = os.path.join(scratch, "case" + suffix)
        with open(path, "wb") as fh:
            fh.write(body)
        try:
            load(path)
        except ReadError:
            pass
    elif target == "numbers":
        from auditor.facts.numbers import cn_to_int, normalize_digits, parse_quantity, to_decimal

        for text in data:
            normalize_digits(text)
            to_decimal(text)
            quantity = parse_quantity(text)
            if quantity is not None:
                str(quantity.value)
            cn_to_int(text[:30])
    elif target == "facts":
        from auditor.facts.base import fact_base
        from auditor.ingest.build import build_document
        from auditor.ingest.text import parse_lines

        document = build_document("fuzz.txt", parse_lines(data.splitlines()))
        fact_base(document)
    elif target == "count":
        from auditor.ingest.build import build_document
        from auditor.ingest.text import parse_lines
        from auditor.kinds import count
        from auditor.ruleset import load_rules

        global COUNT_RULES
        if COUNT_RULES is None:
            COUNT_RULES = [rule for rule in load_rules() if rule.kind == "count"]
        document = build_document("fuzz.txt", parse_lines(data.splitlines()))
        for rule in COUNT_RULES:
            list(count.check(document, rule))
    else:
        from auditor.ingest.build import build_document
        from auditor.ingest.text import parse_lines

        blocks = parse_lines(data)
        document = build_document("fuzz.txt", blocks)
        for table in document.tables:
            table.grid()


def worker(conn, memory_mb: int) -> None:
    import logging

    import warnings

    logging.disable(logging.CRITICAL)  # pdfminer's and openpyxl's warnings about broken files are expected here
    warnings.simplefilter("ignore")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_memory(memory_mb)
    scratch = tempfile.mkdtemp(prefix="auditor-fuzz-")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        target, data = job
        status, detail = "ok", ""
        try:
            run_case(target, data, scratch)
        except MemoryError:
            status = "memory"
        except Exception as exc:  # noqa: BLE001 - that is what a fuzzer looks for
            frames = traceback.extract_tb(exc.__traceback__)
            where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames)
                          if "auditor" in f.filename), f"{Path(frames[-1].filename).name}:{frames[-1].lineno}")
            status, detail = "crash", (f"{type(exc).__name__} at {where}", str(exc)[:120])
        rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            conn.send((status, detail, rss_kb))
        except (OSError, EOFError):
            return
        if status == "memory":
            return


class Workers:
    def __init__(self, count: int, memory_mb: int):
        self.context = get_context("fork")
        self.count, self.memory_mb = count, memory_mb
        self.slots: list[dict] = [self.start() for _ in range(count)]

    def start(self) -> dict:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=worker, args=(child, self.memory_mb), daemon=True)
        process.start()
        child.close()
        return {"process": process, "conn": parent, "job": None, "since": 0.0}

    def replace(self, slot: dict) -> dict:
        if slot["process"].is_alive():
            slot["process"].kill()
        slot["process"].join()
        slot["conn"].close()
        fresh = self.start()
        self.slots[self.slots.index(slot)] = fresh
        return fresh

    def close(self) -> None:
        for slot in self.slots:
            try:
                slot["conn"].send(None)
            except OSError:
                pass
            slot["process"].join(5)
            if slot["process"].is_alive():
                slot["process"].kill()
                slot["process"].join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--case-timeout", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "auditor-fuzz"))
    parser.add_argument("--max-cases", type=int, default=0, help="stop after this many cases (0: only the clock)")
    args = parser.parse_args(argv)
    targets = [t for t in args.targets.split(",") if t]
    unknown = set(targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown target(s): {', '.join(sorted(unknown))}")

    r = random.Random(args.seed)
    bases = hostile_corpus.bases()
    out = Path(args.out)
    pool = Workers(max(1, args.workers), args.memory_mb)
    tried = collections.Counter()
    crashes: dict[str, int] = collections.Counter()
    samples: dict[str, str] = {}
    hangs = collections.Counter()
    memory = collections.Counter()
    peak_kb = 0
    started = time.monotonic()
    deadline = started + args.minutes * 60
    total = 0
    try:
        while True:
            out_of_time = time.monotonic() >= deadline or (args.max_cases and total >= args.max_cases)
            for slot in pool.slots:
                if slot["job"] is None and not out_of_time:
                    job = make_case(r, targets[total % len(targets)], bases)
                    total += 1
                    slot["job"], slot["since"] = job, time.monotonic()
                    slot["conn"].send(job)
            busy = [s for s in pool.slots if s["job"] is not None]
            if not busy:
                break
            timeout = max(0.0, min(s["since"] for s in busy) + args.case_timeout - time.monotonic())
            ready = wait([s["conn"] for s in busy] + [s["process"].sentinel for s in busy], timeout)
            for slot in list(busy):
                target, data = slot["job"]
                if slot["conn"] in ready or slot["process"].sentinel in ready:
                    try:
                        status, detail, rss_kb = slot["conn"].recv()
                    except (EOFError, OSError):
                        status, detail, rss_kb = "died", f"worker died: exit {slot['process'].exitcode}", 0
                    tried[target] += 1
                    peak_kb = max(peak_kb, rss_kb)
                    slot["job"] = None
                    if status == "crash" or status == "died":
                        signature, example = detail if isinstance(detail, tuple) else (detail, "")
                        key = f"{target}: {signature}"
                        if not crashes[key]:
                            save(out, target, data, f"{key}: {example}")
                            samples[key] = example
                        crashes[key] += 1
                    if status == "memory":
                        memory[target] += 1
                    if status in ("memory", "died"):
                        pool.replace(slot)
                elif time.monotonic() - slot["since"] >= args.case_timeout:
                    tried[target] += 1
                    hangs[target] += 1
                    save(out, target, data, f"{target}: hang")
                    slot["job"] = None
                    pool.replace(slot)
    finally:
        pool.close()
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak_kb = max(peak_kb, children_kb)
    elapsed = time.monotonic() - started
    print(f"cases: {sum(tried.values())} in {elapsed:.0f} s ({sum(tried.values()) / max(elapsed, 1e-9):.1f}/s); "
          + ", ".join(f"{t} {tried[t]}" for t in targets))
    print(f"crashes: {sum(crashes.values())} ({len(crashes)} distinct)")
    for key, count in sorted(crashes.items(), key=lambda kv: -kv[1]):
        print(f"  {count:5d}  {key}  (e.g. {samples.get(key, '')[:80]})")
    print(f"hangs: {sum(hangs.values())} (killed after {args.case_timeout:g} s)"
          + ("; " + ", ".join(f"{t} {n}" for t, n in hangs.items()) if hangs else ""))
    print(f"out of memory: {sum(memory.values())} (limit {args.memory_mb} MB per worker)")
    within = "within" if not args.memory_mb or peak_kb <= args.memory_mb * 1024 else "ABOVE"
    print(f"peak RSS per worker: {peak_kb / 1024:.0f} MB ({within} the {args.memory_mb} MB limit)")
    if crashes or hangs:
        print(f"inputs saved under {out}")
    return 1 if crashes or hangs else 0


def save(out: Path, target: str, data, signature: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    import hashlib
    import json

    if target == "readers":
        suffix, body = data
    else:
        suffix, body = ".json", json.dumps(data, ensure_ascii=False).encode("utf-8")
    name = f"{target}-{hashlib.sha256(body).hexdigest()[:12]}"
    (out / f"{name}{suffix}").write_bytes(body)
    (out / f"{name}.txt").write_text(signature + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
