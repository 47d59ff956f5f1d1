"""The integrations stay lazy: nothing imports an engine; a missing extra says what to install."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

ENGINES = ("datatrove", "datasets", "dask", "pandas", "pyarrow", "pyspark", "ray")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_newsnorm_and_normalize_batch_import_no_engine() -> None:
    proc = _run(
        "import sys, newsnorm\n"
        "out = newsnorm.normalize_batch({'text': ['Ein Satz.']}, lang='de')\n"
        "import newsnorm.integrations\n"
        f"print(sorted(m for m in {ENGINES!r} if m in sys.modules))\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    assert proc.stderr == ""  # no warnings or output at import (-W error)


def test_missing_datatrove_says_what_to_install() -> None:
    proc = _run(
        "import sys\n"
        "sys.modules['datatrove'] = None  # as if it were not installed\n"
        "try:\n"
        "    import newsnorm.integrations.datatrove\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert 'pip install "newsnorm[datatrove]"' in proc.stdout
