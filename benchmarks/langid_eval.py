"""Accuracy and speed of ``detect_language`` on the shared evaluation data.

Pages of the boilerplate set carry a ``lang`` label (from a language identifier run on
their content); the untranslated-token passages are German. Prints accuracy per language,
the confusions, and MB/s.

Usage::

    python benchmarks/langid_eval.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import newsnorm
import newsnorm.langid

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parent.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args(argv)
    items: list[tuple[str, str]] = []
    with (args.shared / "boilerplate" / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            items.append((rec["lang"], rec["text"]))
    with (args.shared / "untranslated" / "inject_dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            items.append(("de", json.loads(line)["text"]))
    supported = set(newsnorm.langid.supported_languages())
    start = time.perf_counter()
    guesses = [newsnorm.detect_language(text).lang for _, text in items]
    secs = time.perf_counter() - start
    size = sum(len(t.encode("utf-8")) for _, t in items) / 1e6
    per_lang: Counter[str] = Counter()
    right: Counter[str] = Counter()
    confusions: Counter[tuple[str, str | None]] = Counter()
    for (gold, _), guess in zip(items, guesses, strict=True):
        if gold not in supported:
            continue
        per_lang[gold] += 1
        if guess == gold:
            right[gold] += 1
        else:
            confusions[(gold, guess)] += 1
    total = sum(per_lang.values())
    print(f"{total} texts in supported languages, {size:.1f} MB, {size / secs:.1f} MB/s")
    for lang, n in per_lang.most_common():
        print(f"  {lang}: {right[lang] / n:.3f} of {n}")
    print(f"accuracy {sum(right.values()) / total:.4f}")
    for (gold, guess), n in confusions.most_common(10):
        print(f"  {gold} -> {guess}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
