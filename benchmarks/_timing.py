"""Helpers shared by the benchmark scripts: corpus samples, interleaved repeats, medians."""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path


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


def load_sample(path: Path, sample_mb: float, seed: int) -> list[str]:
    """A seeded random sample of the ``text`` of a JSONL corpus, about *sample_mb* MB."""
    docs = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    random.Random(seed).shuffle(docs)
    out: list[str] = []
    size = 0
    for doc in docs:
        out.append(doc)
        size += len(doc.encode("utf-8"))
        if size >= sample_mb * 1e6:
            break
    return out
