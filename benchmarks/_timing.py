"""Timing helpers shared by the benchmark scripts: interleaved repeats, medians, ratios."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def time_over(func: Callable[[str], object], docs: Sequence[str]) -> float:
    """Seconds to run *func* over every document once."""
    start = time.perf_counter()
    for doc in docs:
        func(doc)
    return time.perf_counter() - start


def interleaved(
    systems: dict[str, Callable[[str], object]], docs: Sequence[str], repeats: int
) -> dict[str, float]:
    """Median seconds per system; the systems take turns in every repeat, so that a
    noisy machine slows all of them alike."""
    runs: dict[str, list[float]] = {name: [] for name in systems}
    for _ in range(repeats):
        for name, func in systems.items():
            runs[name].append(time_over(func, docs))
    return {name: statistics.median(times) for name, times in runs.items()}


def megabytes(docs: Sequence[str]) -> float:
    """Size of the documents in MB of UTF-8."""
    return sum(len(d.encode("utf-8", errors="surrogatepass")) for d in docs) / 1e6
