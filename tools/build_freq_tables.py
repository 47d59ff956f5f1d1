"""Build newsnorm's compact word-frequency table from wordfreq 3.1.1.

    pip install wordfreq==3.1.1
    python tools/build_freq_tables.py            # writes newsnorm/data/wordfreq/zipf.bin.gz
    python tools/build_freq_tables.py --check    # rebuild in memory, compare with the shipped file

The table is derived from the ``large`` word lists of wordfreq 3.1.1 (data
© Robyn Speer and contributors, CC BY-SA 4.0; see
``newsnorm/data/wordfreq/LICENSE-wordfreq.txt``). It holds every alphabetic
word (letters with optional inner apostrophes) whose Zipf frequency is at
least ``THRESHOLDS[lang]`` in at least one of the six languages, and for each
such word its Zipf frequency in all six languages, rounded to 0.1 (0 = not in
that language's list, i.e. rarer than Zipf 1.0).

File layout (gzip, mtime 0, so a rebuild is byte-identical):

    b"NNZT1\\n"                          magic
    b"<langs>\\n"                        e.g. b"de en fr es it nl"
    b"<n_words> <n_bytes>\\n"          n_bytes: length of the word block
    words joined by b"\\n", UTF-8, then b"\\n"
    one column of n_words bytes per language, in <langs> order (Zipf x 10)

Words are sorted by their highest Zipf value (descending), then by the word.
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import sys
from pathlib import Path

import regex

LANGS = ("de", "en", "fr", "es", "it", "nl")
#: A word enters the table if it is at least this common in one language.
THRESHOLDS = {"en": 2.5, "de": 3.0, "fr": 3.0, "es": 3.0, "it": 3.0, "nl": 3.0}
WORDFREQ_VERSION = "3.1.1"
MAGIC = b"NNZT1\n"
OUT = Path(__file__).resolve().parent.parent / "newsnorm" / "data" / "wordfreq" / "zipf.bin.gz"

_WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _zipf_lists() -> dict[str, dict[str, float]]:
    from importlib.metadata import version

    import wordfreq

    found = version("wordfreq")
    if found != WORDFREQ_VERSION:  # pragma: no cover - guard for rebuilds
        sys.exit(f"need wordfreq {WORDFREQ_VERSION}, found {found}")
    out: dict[str, dict[str, float]] = {}
    for lang in LANGS:
        table: dict[str, float] = {}
        for word, freq in wordfreq.get_frequency_dict(lang, "large").items():
            if _WORD.fullmatch(word):
                table[word] = math.log10(freq) + 9.0
        out[lang] = table
    return out


def build() -> bytes:
    """The table file's bytes (deterministic)."""
    lists = _zipf_lists()
    best: dict[str, float] = {}
    for lang in LANGS:
        limit = THRESHOLDS[lang]
        for word, zipf in lists[lang].items():
            if zipf >= limit and zipf > best.get(word, 0.0):
                best[word] = zipf
    words = sorted(best, key=lambda w: (-round(best[w], 1), w))
    cols = []
    for lang in LANGS:
        table = lists[lang]
        cols.append(bytes(min(255, round(table.get(w, 0.0) * 10)) for w in words))
    buf = io.BytesIO()
    buf.write(MAGIC)
    buf.write((" ".join(LANGS) + "\n").encode())
    block = "\n".join(words).encode("utf-8")
    buf.write(f"{len(words)} {len(block)}\n".encode())
    buf.write(block + b"\n")
    for col in cols:
        buf.write(col)
    raw = buf.getvalue()
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        same = args.out.is_file() and args.out.read_bytes() == data
        print("up to date" if same else f"{args.out} differs from a fresh build")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
