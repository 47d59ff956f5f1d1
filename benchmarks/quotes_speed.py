"""normalize_quotes on real scraped text: speed per style, and how often a paragraph is left alone.

Figures: MB/s on one core for the corpus documents as they are and for the same documents
with every quotation mark removed (the "nothing to do" path), interleaved repeats, median;
plus the share of paragraphs with marks that normalize_quotes leaves exactly as given
because a second reading would change them again (see docs/quotes.md).

Usage::

    python benchmarks/corpus.py                 # once: builds benchmarks/out/corpus.jsonl
    python benchmarks/quotes_speed.py [--sample-mb 3] [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _timing import interleaved, load_sample, megabytes  # noqa: E402

from newsnorm import QUOTE_STYLES, normalize_quotes  # noqa: E402
from newsnorm.quotes import _STYLES, QUOTE_CHARS, _apply, _split_paragraphs  # noqa: E402

_DROP = str.maketrans("", "", QUOTE_CHARS)


def unsettled(docs: list[str], style: str) -> tuple[int, int]:
    """(paragraphs with marks, of which left as given)."""
    st = _STYLES[style]
    with_marks = left = 0
    for doc in docs:
        for par in _split_paragraphs(doc)[0]:
            if not any(ch in par for ch in QUOTE_CHARS):
                continue
            with_marks += 1
            once = _apply(par, st)
            if once != par and _apply(once, st) != once:
                left += 1
    return with_marks, left


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus.jsonl")
    ap.add_argument("--sample-mb", type=float, default=3.0)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    docs = load_sample(args.corpus, args.sample_mb, args.seed)
    clean = [doc.translate(_DROP) for doc in docs]
    size = megabytes(docs)
    marks = sum(sum(doc.count(ch) for ch in QUOTE_CHARS) for doc in docs)
    print(f"{len(docs)} documents, {size:.2f} MB, {marks / size / 1000:.1f}k marks per MB")

    systems = {
        f"{style:6s} with marks": (lambda t, s=style: normalize_quotes(t, style=s))
        for style in QUOTE_STYLES
    }
    times = interleaved(systems, docs, args.repeats)
    clean_times = interleaved({"de without marks": systems["de     with marks"]}, clean, 3)
    for name, seconds in times.items():
        print(f"{name:24s} {size / seconds:8.1f} MB/s")
    clean_size = megabytes(clean)
    for name, seconds in clean_times.items():
        print(f"{name:24s} {clean_size / seconds:8.1f} MB/s")
    for style in ("de", "en", "fr", "ascii"):
        with_marks, left = unsettled(docs, style)
        share = left / with_marks if with_marks else 0.0
        print(
            f"{style:6s} paragraphs with marks: {with_marks}, left as given: {left} ({share:.3%})"
        )


if __name__ == "__main__":
    main()
