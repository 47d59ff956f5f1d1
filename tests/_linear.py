"""The one timing check behind every linear-time test: time per character on a small
input against one several times larger, measured in the same test on the same machine.

A fixed time would fail on a slow or busy machine; a ratio fails only when the cost
grows faster than the input. Times are the process's CPU time, not wall time, so other
processes on a busy machine do not count. A failed comparison is measured again (up to
``attempts`` times, each side keeping its best time so far), because a busy machine can
still slow one measurement (shared caches) while a super-linear path fails every time;
a measurement far over the bound fails at once.
The garbage collector is paused while timing.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

#: time per character of the large input may be at most this many times that of the small
LIMIT = 3.0
#: absolute slack on the large input, in seconds: tiny times are all timer noise
SLACK = 0.002
#: a first measurement this many times over the bound fails at once, without retries
_CLEAR = 4.0


def fill(unit: str, size: int) -> str:
    """*unit* repeated to exactly *size* characters."""
    return (unit * (size // len(unit) + 1))[:size]


def per_char(func: Callable[[str], object], text: str, runs: int = 2) -> float:
    """Best CPU time per character of *func* on *text* over *runs* runs."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            func(text)
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best / max(1, len(text))


def assert_linear(
    func: Callable[[str], object],
    small: str,
    large: str,
    *,
    limit: float = LIMIT,
    attempts: int = 3,
) -> None:
    """Time per character of *func* on *large* stays within *limit* times that on *small*."""
    func(small)  # warm up caches and data loading
    t_small = t_large = float("inf")
    for _ in range(attempts):
        t_small = min(t_small, per_char(func, small, 3))
        t_large = min(t_large, per_char(func, large, 2))
        bound = limit * t_small + SLACK / max(1, len(large))
        if t_large <= bound:
            return
        if t_large > _CLEAR * bound:
            # far beyond what a busy machine does to one measurement: a super-linear
            # path, and measuring it again would only take longer to say so
            break
    raise AssertionError(
        f"time per character grows: {t_small * 1e9:.1f} ns -> {t_large * 1e9:.1f} ns "
        f"({len(small):,} -> {len(large):,} characters, {attempts} attempts)"
    )


def assert_linear_unit(
    func: Callable[[str], object],
    unit: str,
    *,
    small: int = 100_000,
    large: int = 1_000_000,
    tail: str = "",
) -> None:
    """:func:`assert_linear` on *unit* repeated to *small* and *large* characters (+ *tail*)."""
    assert_linear(func, fill(unit, small) + tail, fill(unit, large) + tail)
