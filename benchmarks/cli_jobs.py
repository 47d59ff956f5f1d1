"""The CLI over JSONL: speed-up of ``--jobs 2`` and peak memory while streaming a large file.

1. Speed: ``newsnorm --jsonl`` with ``--jobs 1`` and ``--jobs 2`` over the same file
   (interleaved repeats, median); the bar is >= 1.7x on two cores.
2. Memory: ``--jobs 2`` over a large JSONL (default 1 GB, made by repeating the corpus);
   the peak resident memory of the whole process tree (sampled from /proc every 50 ms)
   must stay under 200 MB, i.e. it does not grow with the input.

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


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB (Linux /proc)."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run(path: Path, jobs: int) -> tuple[float, int]:
    """Seconds and peak tree RSS (kB) of one CLI run."""
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
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    done.set()
    sampler.join()
    if code not in (0, 1):
        sys.exit(f"newsnorm exited with {code}")
    return time.perf_counter() - start, peak


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
    for _ in range(args.repeats):
        for jobs in (1, 2):
            times[jobs].append(run(speed_file, jobs)[0])
    t1, t2 = statistics.median(times[1]), statistics.median(times[2])
    print(
        f"speed file {mb:.0f} MB: --jobs 1 {mb / t1:.2f} MB/s, --jobs 2 {mb / t2:.2f} MB/s, "
        f"speed-up {t1 / t2:.2f}x (bar 1.7x)"
    )

    if args.stream_mb > 0:
        big = make_file(args.corpus, HERE / "out" / "stream.jsonl", args.stream_mb)
        secs, peak = run(big, 2)
        size = big.stat().st_size / 1e6
        print(
            f"streaming {size:.0f} MB with --jobs 2: {secs:.0f} s ({size / secs:.2f} MB/s), "
            f"peak memory of the process tree {peak / 1024:.0f} MB (bar 200 MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
