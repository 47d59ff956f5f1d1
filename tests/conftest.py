"""Shared test configuration: hypothesis profiles and paths.

Profiles (select with ``HYPOTHESIS_PROFILE=...``): ``dev`` (default, quick),
``ci`` (more examples, used by ``.ci/run``) and ``thorough`` (long local runs).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
# CI is derandomized: the same examples on every run, so a red run is reproducible and a
# green one does not turn red by chance; random exploration happens in dev and thorough runs
settings.register_profile(
    "ci",
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
