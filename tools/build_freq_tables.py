"""Build newsnorm's compact word-frequency table from wordfreq 3.1.1.

    pip install wordfreq==3.1.1
    python tools/build_freq_tables.py            # writes zipf.bin.gz and rare_en_s_forms.txt
    python tools/build_freq_tables.py --check    # rebuild in memory, compare with the shipped files

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

A second file, ``rare_en_s_forms.txt``, lists English -s forms too rare for the
table (plural nouns such as "blowflies", "whodunnits"; see :func:`rare_s_forms`),
one per line, sorted.
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
DATA = Path(__file__).resolve().parent.parent / "newsnorm" / "data" / "wordfreq"
OUT = DATA / "zipf.bin.gz"
RARE_OUT = DATA / "rare_en_s_forms.txt"
#: Rare -s forms: English Zipf at least this (the lowest wordfreq lists) ...
RARE_MIN = 1.0
#: ... and at least this much above the form's Zipf in each of the other five languages;
RARE_MARGIN = 1.0
#: the base word must be more common than the form in English, and at least this much more
#: common in English than in each of the other five languages.
BASE_MARGIN = 0.5
#: Shortest form kept (shorter ones are mostly abbreviations and names).
RARE_MIN_LEN = 5

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


def _english_margin(word: str, lists: dict[str, dict[str, float]]) -> float:
    """How much more common *word* is in English than in the most using other language."""
    zipf = lists["en"].get(word, 0.0)
    return zipf - max(lists[lang].get(word, 0.0) for lang in LANGS if lang != "en")


def _bases(word: str) -> list[str]:
    """The words an English -s form can come from: "flies" <- "fly", "boxes" <- "box"."""
    if word.endswith(("ss", "us", "is")) or not word.endswith("s"):
        return []
    bases = [word[:-1]]
    if word.endswith("es"):
        bases.append(word[:-2])
    if word.endswith("ies"):
        bases.append(word[:-3] + "y")
    return bases


def rare_s_forms(lists: dict[str, dict[str, float]]) -> list[str]:
    """English -s forms below the table's English threshold that are English only.

    A form is kept if it is a plain ASCII word of ``RARE_MIN_LEN`` letters or more, has
    English Zipf >= ``RARE_MIN`` but below ``THRESHOLDS["en"]``, is ``RARE_MARGIN`` above
    each other language, and one of its bases ("blowfly" for "blowflies") is more common
    in English than the form and ``BASE_MARGIN`` above each other language: a plural (or
    third person) of an English word that the other languages do not use.
    """
    english = lists["en"]
    limit = THRESHOLDS["en"]
    out = []
    for word, zipf in english.items():
        if not (RARE_MIN <= zipf < limit and len(word) >= RARE_MIN_LEN):
            continue
        if not (word.isascii() and word.isalpha()):
            continue
        if _english_margin(word, lists) < RARE_MARGIN:
            continue
        if any(
            english.get(base, 0.0) > zipf and _english_margin(base, lists) >= BASE_MARGIN
            for base in _bases(word)
        ):
            out.append(word)
    return sorted(out)


def build_rare(lists: dict[str, dict[str, float]] | None = None) -> bytes:
    """The rare-forms file's bytes (deterministic)."""
    words = rare_s_forms(lists if lists is not None else _zipf_lists())
    head = (
        "# English -s forms too rare for zipf.bin.gz (plural nouns such as 'blowflies').\n"
        f"# Derived from wordfreq {WORDFREQ_VERSION} (CC BY-SA 4.0, see LICENSE-wordfreq.txt)\n"
        "# by tools/build_freq_tables.py; do not edit by hand, rebuild.\n"
    )
    return (head + "\n".join(words) + "\n").encode("utf-8")


def build(lists: dict[str, dict[str, float]] | None = None) -> bytes:
    """The table file's bytes (deterministic)."""
    if lists is None:
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
    lists = _zipf_lists()
    files = {args.out: build(lists), args.out.parent / RARE_OUT.name: build_rare(lists)}
    if args.check:
        stale = [p for p, data in files.items() if not (p.is_file() and p.read_bytes() == data)]
        for path in stale:
            print(f"{path} differs from a fresh build")
        if not stale:
            print("up to date")
        return 1 if stale else 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        path.write_bytes(data)
        print(f"wrote {path} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
