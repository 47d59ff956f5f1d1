"""Run an atheris harness for a total time, restarting it after every crash.

libFuzzer stops at the first failing input (its fork mode does not work with atheris), so
this driver restarts the harness until the time budget is spent, keeps every crash
artifact, and prints a summary: total executions, restarts, distinct failures.

Usage::

    python benchmarks/fuzz/campaign.py fuzz_normalize --minutes 30
    python benchmarks/fuzz/campaign.py fuzz_jsonl --minutes 10
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "out"
SEEDS = {"fuzz_normalize": HERE / "seeds_text", "fuzz_jsonl": HERE / "seeds_jsonl"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("harness", choices=sorted(SEEDS))
    parser.add_argument("--minutes", type=float, default=30.0)
    args = parser.parse_args(argv)
    corpus = OUT / f"{args.harness}_corpus"
    crashes = OUT / f"{args.harness}_crashes"
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    log_path = OUT / f"{args.harness}.log"
    deadline = time.monotonic() + args.minutes * 60
    executions = 0
    runs = 0
    failures: Counter[str] = Counter()
    with log_path.open("w") as log:
        while (left := deadline - time.monotonic()) > 5:
            runs += 1
            proc = subprocess.run(
                [
                    sys.executable,
                    str(HERE / f"{args.harness}.py"),
                    f"-max_total_time={int(left)}",
                    "-timeout=60",
                    "-rss_limit_mb=4096",
                    f"-artifact_prefix={crashes}/",
                    str(corpus),
                    str(SEEDS[args.harness]),
                ],
                capture_output=True,
                text=True,
                errors="replace",
                check=False,
            )
            log.write(proc.stderr)
            done = re.findall(r"^#(\d+)\s", proc.stderr, re.MULTILINE)
            if done:
                executions += int(done[-1])
            if proc.returncode != 0:
                found = re.search(r"=== Uncaught Python exception: ===\n(.+)", proc.stderr)
                kind = found.group(1)[:160] if found else f"exit {proc.returncode}"
                failures[kind] += 1
                # libFuzzer names corpus files and crash artifacts by the input's SHA-1: drop
                # the failing input from the corpus, or every restart fails on loading it
                for artifact in re.findall(
                    r"Test unit written to \S*crash-([0-9a-f]{40})", proc.stderr
                ):
                    (corpus / artifact).unlink(missing_ok=True)
    print(
        f"{args.harness}: {args.minutes:.0f} min, {runs} runs, about {executions} executions, "
        f"{sum(failures.values())} crashes, {len(failures)} distinct"
    )
    for kind, count in failures.most_common():
        print(f"  {count} x {kind}")
    print(f"log: {log_path}; crash inputs: {crashes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
