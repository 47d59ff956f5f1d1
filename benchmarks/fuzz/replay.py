"""Replay crash inputs found by a fuzz harness and group them by failure.

Usage::

    python benchmarks/fuzz/replay.py fuzz_normalize benchmarks/out/fuzz_normalize_crashes/*
"""

from __future__ import annotations

import importlib
import sys
import traceback
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str]) -> int:
    harness = importlib.import_module(argv[0])
    groups: dict[str, list[str]] = defaultdict(list)
    for name in argv[1:]:
        data = Path(name).read_bytes()
        try:
            harness.test_one_input(data)
        except Exception as exc:  # grouping every failure is the point
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            detail = exc.args[0] if exc.args and isinstance(exc.args[0], str) else ""
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            key = f"{type(exc).__name__} {detail[:60]!r} at {where}"
            groups[key].append(name)
    for key, names in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(names):4d} x {key}\n       e.g. {names[0]}")
    print(f"{sum(map(len, groups.values()))} of {len(argv) - 1} inputs still fail")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
