"""Throughput of newsnorm and of the tools people use today, in ONE run on one corpus.

Every figure is MB/s on one core and a ratio to ``ftfy.fix_text`` measured in the
same run (interleaved repeats, median), so the machine's noise cancels out.
Peers come from the ``bench`` extra (``pip install -e ".[bench]"``); a peer that is
not installed is listed as missing.

Usage::

    python benchmarks/corpus.py            # once: builds benchmarks/out/corpus.jsonl
    python benchmarks/throughput.py [--sample-mb 5] [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# measure this checkout, not whatever newsnorm is installed
sys.path.insert(0, str(HERE.parent))

from _timing import interleaved, load_sample, megabytes  # noqa: E402

import newsnorm  # noqa: E402


def newsnorm_systems() -> dict[str, Callable[[str], object]]:
    norm = newsnorm.Normalizer(quotes="auto")
    return {
        "newsnorm.normalize (all steps, lang detected, quotes auto)": norm,
        "newsnorm.normalize, boilerplate=False": (
            newsnorm.Normalizer(quotes="auto", boilerplate=False)
        ),
        "  fix_encoding": newsnorm.fix_encoding,
        "  normalize_whitespace": newsnorm.normalize_whitespace,
        "  strip_boilerplate (lang detected)": newsnorm.strip_boilerplate,
        "  normalize_quotes (de)": lambda t: newsnorm.normalize_quotes(t, style="de"),
        "  flag_untranslated (lang detected)": newsnorm.flag_untranslated,
        "  detect_language": newsnorm.detect_language,
        "  to_ascii": newsnorm.to_ascii,
    }


def peer_systems() -> dict[str, Callable[[str], object] | None]:
    import ftfy

    peers: dict[str, Callable[[str], object] | None] = {
        "ftfy.fix_text": ftfy.fix_text,
        "ftfy.fix_text(uncurl_quotes=False)": lambda t: ftfy.fix_text(t, uncurl_quotes=False),
    }
    try:
        from cleantext import clean

        peers["clean-text clean()"] = clean
    except ImportError:
        peers["clean-text clean()"] = None
    try:
        from textacy import preprocessing as tp

        pipe = tp.make_pipeline(
            tp.normalize.unicode,
            tp.normalize.quotation_marks,
            tp.normalize.hyphenated_words,
            tp.normalize.whitespace,
            tp.remove.html_tags,
        )
        peers["textacy preprocessing"] = pipe
    except ImportError:
        peers["textacy preprocessing"] = None
    try:
        from sacremoses import MosesPunctNormalizer

        peers["sacremoses punct normalizer"] = MosesPunctNormalizer(lang="de").normalize
    except ImportError:
        peers["sacremoses punct normalizer"] = None
    import re

    pattern = re.compile(r"[ \t]{2,}")
    peers["one compiled regex pass"] = lambda t: pattern.sub(" ", t)
    return peers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus.jsonl")
    parser.add_argument("--sample-mb", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} is missing: run python benchmarks/corpus.py first")
    docs = load_sample(args.corpus, args.sample_mb, args.seed)
    mb = megabytes(docs)
    systems: dict[str, Callable[[str], object]] = {}
    missing: list[str] = []
    for name, func in {**peer_systems(), **newsnorm_systems()}.items():
        if func is None:
            missing.append(name)
        else:
            systems[name] = func
    for func in systems.values():  # warm up: imports, data loading, caches
        func(docs[0])
    seconds = interleaved(systems, docs, args.repeats)
    base = mb / seconds["ftfy.fix_text"]
    print(f"newsnorm from {Path(newsnorm.__file__).parent}")
    print(
        f"corpus sample: {len(docs)} documents, {mb:.1f} MB; median of {args.repeats} "
        "interleaved repeats; one core"
    )
    print(f"{'system':<58} {'MB/s':>8} {'x ftfy':>8}")
    for name, secs in seconds.items():
        rate = mb / secs
        print(f"{name:<58} {rate:8.2f} {rate / base:8.2f}")
    for name in missing:
        print(f"{name:<58} {'missing (pip install -e .[bench])':>17}")

    # fix_encoding must repair exactly what ftfy repairs (with quotes kept curly)
    from newsnorm.encoding import _fix_encoding_reference

    differ = sum(1 for d in docs if newsnorm.fix_encoding(d) != _fix_encoding_reference(d))
    print(
        f"fix_encoding vs the reference (ftfy on the whole text): {differ} of {len(docs)} "
        "documents differ"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
