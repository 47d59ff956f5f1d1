"""Clean text stays clean: what newsnorm removes from and changes in real article text.

The passages of ``../shared/data/untranslated/`` are article text without page furniture
(10kGNAD news passages, WMT MT output, MEDLINE abstracts). Boilerplate stripping should
remove nothing from them (a removed line is article text lost, the serious fault), and
``fix_encoding`` should change nothing (they hold no mojibake). The script prints, per file,
the documents with a removal and with an encoding change, and the removals themselves.

Usage::

    python benchmarks/clean_text.py [--show 10]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
# measure this checkout, not whatever newsnorm is installed
sys.path.insert(0, str(HERE.parent))

import newsnorm  # noqa: E402

DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "untranslated"
FILES = (
    "inject_dev.jsonl",
    "inject_dev_hardneg.jsonl",
    "inject_dev_common.jsonl",
    "mqm_ende.jsonl",
    "mqm_bio.jsonl",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=10, help="removals shown per file")
    args = parser.parse_args(argv)
    for name in FILES:
        path = args.data / name
        if not path.exists():
            print(f"({path} is missing: skipped)")
            continue
        docs = removed = encoded = 0
        reasons: Counter[str] = Counter()
        shown: list[str] = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                docs += 1
                if newsnorm.fix_encoding(text) != text:
                    encoded += 1
                result = newsnorm.normalize(text, untranslated=False)
                if result.removed:
                    removed += 1
                    for r in result.removed:
                        reasons[r.reason] += 1
                        if len(shown) < args.show:
                            shown.append(f"    {r.reason} ({r.kind}): {r.text[:100]!r}")
        print(
            f"{name:<26} {docs:>6} documents: {removed} with a removal, "
            f"{encoded} changed by fix_encoding; reasons {dict(reasons.most_common())}"
        )
        for entry in shown:
            print(entry)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
