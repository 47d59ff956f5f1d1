"""Throughput of newsnorm.fix_encoding against ftfy.fix_text on news text.

Corpora (built in memory from ``../shared/``; nothing is written to disk):

- ``seeds``: the two seed documents, repeated to the requested size;
- ``news``: page texts of ``data/boilerplate/dev.jsonl`` as they are (clean UTF-8);
- ``news, damaged``: the same pages with a share of their lines damaged as
  ``benchmarks/corpus.py`` damages them (mojibake once or twice, entities, soft
  hyphens and no-break spaces, CRLF).

Figures are MB/s on one core, median of interleaved repeats (so machine noise hits
every system alike), and the ratio to ``ftfy.fix_text``. ``reference`` is the slow
path without the cheap line checks; the script also checks that ``fix_encoding``
returns exactly what the reference returns on every document.

Usage::

    python benchmarks/encoding_speed.py [--mb 2] [--rate 0.05] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import ftfy  # noqa: E402
from _timing import interleaved, megabytes  # noqa: E402
from corpus import damage  # noqa: E402

from newsnorm.encoding import _fix_encoding_reference, fix_encoding  # noqa: E402

SHARED = HERE.parent.parent / "shared"


def _load(mb: float, rate: float, seed: int) -> dict[str, list[str]]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    seed_docs = seeds * max(1, int(mb / megabytes(seeds)))
    news: list[str] = []
    size = 0.0
    with (SHARED / "data" / "boilerplate" / "dev.jsonl").open(encoding="utf-8") as fh:
        for raw in fh:
            news.append(json.loads(raw)["text"])
            size += megabytes(news[-1:])
            if size >= mb:
                break
    rng = random.Random(seed)
    damaged = [damage(text, rng, rate) for text in news]
    return {"seeds": seed_docs, "news": news, f"news, {rate:.0%} of lines damaged": damaged}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of each corpus in MB")
    parser.add_argument("--rate", type=float, default=0.05, help="share of damaged lines")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    systems: dict[str, Callable[[str], object]] = {
        "ftfy.fix_text": ftfy.fix_text,
        "reference": _fix_encoding_reference,
        "fix_encoding": fix_encoding,
    }
    for name, docs in _load(args.mb, args.rate, args.seed).items():
        for func in systems.values():
            func(docs[0])  # warm up
        seconds = interleaved(systems, docs, args.repeats)
        mb = megabytes(docs)
        rates = {system: mb / secs for system, secs in seconds.items()}
        ours = [fix_encoding(d) for d in docs]
        same = ours == [_fix_encoding_reference(d) for d in docs]
        changed = sum(o != d for o, d in zip(ours, docs, strict=True))
        print(
            f"{name:28s} {mb:4.1f} MB {len(docs):4d} docs | "
            + " | ".join(f"{system} {rate:6.2f} MB/s" for system, rate in rates.items())
            + f" = {rates['fix_encoding'] / rates['ftfy.fix_text']:4.1f}x ftfy"
            + f" | changed docs {changed} | identical to reference: {same}"
        )


if __name__ == "__main__":
    main()
