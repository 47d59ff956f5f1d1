"""Linear-time check on one long hostile input: 100 KB against 1 MB in the same test.

Built on the timing helpers of ``tests/test_linear_time.py`` (which compares 20 KB
with 200 KB for every public function); the step tests use it for the inputs that
are hostile to their step in particular.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.test_linear_time import LIMIT, _fill, _per_char

SMALL = 100_000
LARGE = 1_000_000


def assert_linear(func: Callable[[str], object], unit: str, tail: str = "") -> None:
    """Time per character of *func* on ``unit`` repeated to 1 MB stays within LIMIT
    times that on 100 KB (plus 2 ms of slack for timer noise)."""
    small = _fill(unit, SMALL) + tail
    large = _fill(unit, LARGE) + tail
    func(small)  # warm up caches and data loading
    t_small = _per_char(func, small)
    t_large = _per_char(func, large)
    assert t_large <= LIMIT * t_small + 0.002 / len(large), (
        f"time per character grows: {t_small * 1e9:.1f} ns -> {t_large * 1e9:.1f} ns"
    )
