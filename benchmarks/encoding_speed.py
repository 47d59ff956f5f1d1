"""Throughput of newsnorm.fix_encoding against ftfy.fix_text on news text.

Corpora (built in memory, nothing is written to disk):

- ``seeds``: the two seed documents, repeated to about 1 MB;
- ``news``: the page texts of ``../shared/data/boilerplate/dev.jsonl`` (clean UTF-8);
- ``news+mojibake``: the same texts with every 20th line turned into mojibake
  (UTF-8 read as cp1252, every 100th line twice; every 50th line gets an entity).

Run: ``python benchmarks/encoding_speed.py [--mb 3]``. It also checks, on every
document, that the fast path returns exactly what the slow reference returns.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

from newsnorm.encoding import _fix_encoding_reference, fix_encoding

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _mojibake(line: str, times: int) -> str:
    for _ in range(times):
        line = line.encode("utf-8").decode("sloppy-windows-1252")
    return line


def _damage(text: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i % 100 == 7:
            lines[i] = _mojibake(line, 2)
        elif i % 20 == 3:
            lines[i] = _mojibake(line, 1)
        elif i % 50 == 11:
            lines[i] = line.replace(" ", " &amp; ", 1)
    return "\n".join(lines)


def _load(mb: float) -> dict[str, list[str]]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    seed_docs = seeds * max(1, int(mb * 1_000_000 // sum(len(s) for s in seeds)))
    news: list[str] = []
    size = 0
    with (SHARED / "data" / "boilerplate" / "dev.jsonl").open(encoding="utf-8") as fh:
        for raw in fh:
            text = json.loads(raw)["text"]
            news.append(text)
            size += len(text.encode("utf-8"))
            if size >= mb * 1_000_000:
                break
    return {"seeds": seed_docs, "news": news, "news+mojibake": [_damage(t) for t in news]}


def _rate(func: Callable[[str], str], docs: list[str]) -> tuple[float, list[str]]:
    size = sum(len(d.encode("utf-8", "surrogatepass")) for d in docs)
    start = time.perf_counter()
    out = [func(d) for d in docs]
    return size / 1e6 / (time.perf_counter() - start), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="size of each corpus in MB")
    args = parser.parse_args()
    for name, docs in _load(args.mb).items():
        mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        ftfy_rate, _ = _rate(ftfy.fix_text, docs)
        ours_rate, ours = _rate(fix_encoding, docs)
        ref_rate, ref = _rate(_fix_encoding_reference, docs)
        changed = sum(o != d for o, d in zip(ours, docs, strict=True))
        same = ours == ref
        print(
            f"{name:14s} {mb:5.1f} MB {len(docs):5d} docs | ftfy.fix_text {ftfy_rate:6.2f} MB/s"
            f" | reference {ref_rate:6.2f} MB/s | fix_encoding {ours_rate:6.2f} MB/s"
            f" = {ours_rate / ftfy_rate:4.1f}x ftfy | changed docs {changed}"
            f" | identical to reference: {same}"
        )


if __name__ == "__main__":
    main()
