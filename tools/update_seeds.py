"""Write the expected results beside each seed document (run after a deliberate change).

For every ``seeds/<name>.txt`` it writes ``<name>.expected.txt`` (the text ``newsnorm``
prints) and ``<name>.expected.json`` (the report without the text), both checked by
``tests/test_pipeline.py`` and ``tests/test_cli.py``. Review the diff before committing:
the expectations are a human judgement, this script only records them.

Usage::

    python tools/update_seeds.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import newsnorm

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: The options each seed is normalized with (also used by the tests).
OPTIONS = {"lang": "de", "quotes": "de"}


def main() -> int:
    for path in sorted(SEEDS.glob("*.txt")):
        if path.name.endswith(".expected.txt"):
            continue
        result = newsnorm.normalize(path.read_text(encoding="utf-8"), **OPTIONS)
        stem = path.with_suffix("")
        stem.with_suffix(".expected.txt").write_text(result.text, encoding="utf-8")
        report = result.to_dict()
        del report["text"]
        stem.with_suffix(".expected.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"{path.name}: {len(result.removed)} removed, {len(result.flags)} flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
