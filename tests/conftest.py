"""Shared test configuration: hypothesis profiles, paths and a runner for the command line.

Profiles (select with ``HYPOTHESIS_PROFILE=...``): ``dev`` (default, quick),
``ci`` (more examples, used by ``.ci/run``) and ``thorough`` (long local runs).
"""

from __future__ import annotations

import os
import subprocess
import sys
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


def run_newsnorm(
    *args: str, stdin: bytes = b"", timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    """``python -m newsnorm *args`` in the repository root; output captured as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "newsnorm", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=timeout,
    )
