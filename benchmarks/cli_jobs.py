"""The CLI over JSONL: speed-up of ``--jobs 2`` and peak memory while streaming a large file.

1. Speed: ``newsnorm --jsonl`` with ``--jobs 1`` and ``--jobs 2`` over the same file
   (interleaved repeats, median); the bar is >= 1.7x on two cores.
2. Memory: ``--jobs 2`` over a large JSONL (default 1 GB, made by repeating the corpus);
   the peak memory of the whole process tree (sampled from /proc every 50 ms, as the sum
   of RSS and as the sum of PSS, which counts shared pages once) must stay under 200 MB,
   i.e. it does not grow with the input.

Usage::

    python benchmarks/corpus.py
    python benchmarks/cli_jobs.py [--speed-mb 40] [--stream-mb 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def make_file(corpus: Path, target: Path, size_mb: float) -> Path:
    """A JSONL file of about *size_mb* MB: the corpus lines, repeated or cut (whole lines)."""
    want = int(size_mb * 1e6)
    if target.exists() and want <= target.stat().st_size < want + 1_000_000:
        return target
    lines = corpus.read_bytes().splitlines(keepends=True)
    with target.open("wb") as fh:
        written = 0
        while written < want:
            for line in lines:
                fh.write(line)
                written += len(line)
                if written >= want:
                    break
    return target


def _field_kb(path: str, name: str) -> int:
    with open(path) as fh:
        for line in fh:
            if line.startswith(name):
                return int(line.split()[1])
    return 0


def tree_memory_kb(pid: int) -> tuple[int, int]:
    """Resident memory (RSS) and proportional set size (PSS) of a process and all its
    descendants, in kB (Linux /proc).

    The RSS sum counts pages the processes share (the interpreter, modules loaded
    before the fork) once per process; the PSS sum splits them, so it is the memory
    the tree really takes.
    """
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            rss += _field_kb(f"/proc/{p}/status", "VmRSS:")
            pss += _field_kb(f"/proc/{p}/smaps_rollup", "Pss:")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return rss, pss


def run(path: Path, jobs: int) -> tuple[float, int, int]:
    """Seconds, peak tree RSS and peak tree PSS (kB) of one CLI run."""
    cmd = [
        sys.executable,
        "-m",
        "newsnorm",
        "--jsonl",
        str(path),
        "--jobs",
        str(jobs),
        "--no-progress",
        "-o",
        os.devnull,
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    peak_rss = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            rss, pss = tree_memory_kb(proc.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    done.set()
    sampler.join()
    if code not in (0, 1):
        sys.exit(f"newsnorm exited with {code}")
    return time.perf_counter() - start, peak_rss, peak_pss


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_parallelism(n: int = 5_000_000) -> float:
    """Speed-up of two processes over one on a pure CPU loop, measured now: what the
    machine offers at this moment (2.0 on two idle cores, less when others use them)."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(max_workers=2) as pool:
        pool.submit(_burn, 1).result()
        start = time.perf_counter()
        list(pool.map(_burn, [n, n]))
        parallel = time.perf_counter() - start
    return serial / parallel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus.jsonl")
    parser.add_argument("--speed-mb", type=float, default=40.0)
    parser.add_argument("--stream-mb", type=float, default=1000.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} is missing: run python benchmarks/corpus.py first")

    speed_file = make_file(args.corpus, HERE / "out" / "speed.jsonl", args.speed_mb)
    mb = speed_file.stat().st_size / 1e6
    times: dict[int, list[float]] = {1: [], 2: []}
    control: list[float] = []
    for _ in range(args.repeats):
        control.append(machine_parallelism())
        for jobs in (1, 2):
            times[jobs].append(run(speed_file, jobs)[0])
    t1, t2 = statistics.median(times[1]), statistics.median(times[2])
    print(
        f"speed file {mb:.0f} MB: --jobs 1 {mb / t1:.2f} MB/s, --jobs 2 {mb / t2:.2f} MB/s, "
        f"speed-up {t1 / t2:.2f}x (bar 1.7x); a pure CPU loop in two processes got "
        f"{statistics.median(control):.2f}x in the same run (2.0 = two idle cores)"
    )

    if args.stream_mb > 0:
        big = make_file(args.corpus, HERE / "out" / "stream.jsonl", args.stream_mb)
        secs, rss, pss = run(big, 2)
        size = big.stat().st_size / 1e6
        print(
            f"streaming {size:.0f} MB with --jobs 2: {secs:.0f} s ({size / secs:.2f} MB/s), "
            f"peak memory of the process tree: RSS sum {rss / 1024:.0f} MB, "
            f"PSS sum {pss / 1024:.0f} MB (bar 200 MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
