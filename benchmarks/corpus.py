"""Build the benchmark corpus: realistic scraped news text as JSONL (deterministic).

Sources (from ``../shared/data/``, which must not be copied into the repository):
the page texts of the boilerplate set and the news passages of the untranslated set.
A few percent of lines are damaged the way scraped text really is damaged:

- mojibake: UTF-8 read as cp1252 or latin-1, sometimes twice;
- HTML entities (``&amp;``, ``&quot;``, ``&auml;``, ``&#8222;``);
- soft hyphens inside long words, no-break spaces between words;
- CRLF line endings for some documents.

Usage::

    python benchmarks/corpus.py                       # -> benchmarks/out/corpus.jsonl (>= 20 MB)
    python benchmarks/corpus.py --size-mb 50 -o /tmp/corpus.jsonl

The output has one ``{"id", "source", "text"}`` object per line.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parent.parent / "shared" / "data"
DEFAULT_OUT = HERE / "out" / "corpus.jsonl"

ENTITIES = {
    "&": "&amp;",
    '"': "&quot;",
    "ä": "&auml;",
    "ö": "&ouml;",
    "ü": "&uuml;",
    "„": "&#8222;",
    "“": "&#8220;",
    "é": "&eacute;",
}


def read_sources(shared: Path) -> list[tuple[str, str]]:
    """(source, text) pairs from the shared evaluation data, in file order."""
    docs: list[tuple[str, str]] = []
    pages = shared / "boilerplate" / "dev.jsonl"
    if not pages.exists():
        sys.exit(f"corpus: {pages} not found (pass --shared DIR)")
    with pages.open(encoding="utf-8") as fh:
        for line in fh:
            docs.append(("page", json.loads(line)["text"]))
    for name in ("inject_dev.jsonl", "inject_dev_hardneg.jsonl", "mqm_ende.jsonl"):
        path = shared / "untranslated" / name
        if not path.exists():
            continue
        passages: list[str] = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                passages.append(json.loads(line)["text"])
        # news passages are short: join consecutive ones into article-sized documents
        for i in range(0, len(passages), 8):
            docs.append(("passages", "\n\n".join(passages[i : i + 8])))
    return docs


def mojibake(line: str, rng: random.Random) -> str:
    """The line as a reader with the wrong codec would show it (once or twice)."""
    codec = rng.choice(["sloppy-windows-1252", "sloppy-windows-1252", "latin-1"])
    times = 2 if rng.random() < 0.25 else 1
    out = line
    for _ in range(times):
        try:
            out = out.encode("utf-8").decode(codec)
        except UnicodeDecodeError:
            return line
    return out


def entities(line: str, rng: random.Random) -> str:
    return "".join(ENTITIES[ch] if ch in ENTITIES and rng.random() < 0.5 else ch for ch in line)


def soft_hyphens_and_nbsp(line: str, rng: random.Random) -> str:
    words = line.split(" ")
    for i, word in enumerate(words):
        if len(word) > 10 and rng.random() < 0.3:
            cut = rng.randrange(3, len(word) - 3)
            words[i] = word[:cut] + "\u00ad" + word[cut:]
    out = words[0] if words else ""
    for word in words[1:]:
        out += ("\u00a0" if rng.random() < 0.05 else " ") + word
    return out


def damage(text: str, rng: random.Random, rate: float) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line or rng.random() >= rate:
            continue
        kind = rng.random()
        if kind < 0.5:
            lines[i] = mojibake(line, rng)
        elif kind < 0.75:
            lines[i] = entities(line, rng)
        else:
            lines[i] = soft_hyphens_and_nbsp(line, rng)
    sep = "\r\n" if rng.random() < 0.1 else "\n"
    return sep.join(lines)


def build(shared: Path, size_mb: float, seed: int, rate: float) -> Iterator[dict[str, str]]:
    docs = read_sources(shared)
    rng = random.Random(seed)
    target = int(size_mb * 1024 * 1024)
    written = 0
    round_no = 0
    while written < target:
        for n, (source, text) in enumerate(docs):
            damaged = damage(text, rng, rate)
            record = {"id": f"{round_no}-{n}", "source": source, "text": damaged}
            written += len(damaged.encode("utf-8"))
            yield record
            if written >= target:
                return
        round_no += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--size-mb", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument(
        "--damage-rate",
        type=float,
        default=0.04,
        help="share of non-empty lines that get damaged (default 0.04)",
    )
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with args.output.open("w", encoding="utf-8") as fh:
        for record in build(args.shared, args.size_mb, args.seed, args.damage_rate):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    size = args.output.stat().st_size / 1e6
    print(f"wrote {count} documents, {size:.1f} MB to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
