"""Time per MB against document size, and on hostile inputs: no super-linear path anywhere.

For news documents of 1 KB, 10 KB, 100 KB, 1 MB and 10 MB (cut from the benchmark corpus)
it prints the seconds per MB of ``normalize()`` and of each step, as a ratio to the 100 KB
figure (the bar: within 1.5x). The size bar is judged with the language given (``de``):
with ``lang=None`` a 10 MB mix of five languages is detected as one language and
the untranslated-token step then compares every word of the other four with it,
other work than on the same text cut into 100 KB pieces that are each detected
alone; that row ("normalize, lang detected") is printed for information. Then, for
hostile inputs of 1 MB each, the ratio to normal news text of the same size (the bar:
within 3x).

Usage::

    python benchmarks/corpus.py          # once
    python benchmarks/scaling.py [--max-mb 10] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# measure this checkout, not whatever newsnorm is installed
sys.path.insert(0, str(HERE.parent))

import newsnorm  # noqa: E402

MB = 1_000_000
#: label of the reference row for the 10 MB document
REF_10MB = "100000*"
#: normalize() with the language detected: for information in the size table
DETECTED = "normalize, lang detected"


def news_text(corpus: Path, size: int) -> str:
    parts: list[str] = []
    total = 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text)
            if total >= size:
                break
    text = "\n\n".join(parts)
    while len(text) < size:
        text = text + "\n\n" + text
    return text[:size]


def hostile_inputs(size: int) -> dict[str, str]:
    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {
        "one line, no breaks": fill(
            "Das ist ein langer Satz ohne Zeilenumbruch, und er geht weiter "
        ),
        "no spaces at all": fill("Donaudampfschifffahrtsgesellschaftskapitän"),
        "100,000 one-word lines": fill("Politik\n")[:size],
        "quote characters": fill("\"„“”«»'‚‘’"),
        "apostrophes": fill("'"),
        "&amp;": fill("&amp;"),
        "mojibake": fill("FÃƒÂ¼r GrÃ¼ÃŸe â€žZitatâ€œ "),
        "combining marks": fill("e" + "\u0301" * 9),
        "emoji with joiners": fill("👩\u200d👩\u200d👧\u200d👦"),
        "right-to-left text": fill("שלום עולם مرحبا بالعالم "),
    }


def steps() -> dict[str, Callable[[str], object]]:
    return {
        "normalize": newsnorm.Normalizer(lang="de", quotes="auto"),
        DETECTED: newsnorm.Normalizer(quotes="auto"),
        "fix_encoding": newsnorm.fix_encoding,
        "normalize_whitespace": newsnorm.normalize_whitespace,
        "strip_boilerplate": lambda t: newsnorm.strip_boilerplate(t, lang="de"),
        "normalize_quotes": lambda t: newsnorm.normalize_quotes(t, style="de"),
        "flag_untranslated": lambda t: newsnorm.flag_untranslated(t, lang="de"),
    }


def seconds_per_mb(func: Callable[[str], object], docs: list[str]) -> float:
    """Seconds per MB (of characters) for one run of *func* over *docs*."""
    size = sum(len(d) for d in docs)
    start = time.perf_counter()
    for doc in docs:
        func(doc)
    return (time.perf_counter() - start) / (size / MB)


def interleaved_table(
    funcs: dict[str, Callable[[str], object]], inputs: dict[str, list[str]], repeats: int
) -> dict[str, dict[str, float]]:
    """Median seconds per MB of every function on every input; each repeat runs every
    input once, so that a machine getting busier slows all of them alike."""
    runs: dict[str, dict[str, list[float]]] = {
        label: {name: [] for name in funcs} for label in inputs
    }
    for _ in range(repeats):
        for label, docs in inputs.items():
            for name, func in funcs.items():
                runs[label][name].append(seconds_per_mb(func, docs))
    return {
        label: {name: statistics.median(times) for name, times in row.items()}
        for label, row in runs.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus.jsonl")
    parser.add_argument("--max-mb", type=float, default=10.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if args.max_mb < 0.1:
        parser.error("--max-mb must be at least 0.1 (100 KB documents are the reference)")
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} is missing: run python benchmarks/corpus.py first")
    print(f"newsnorm from {Path(newsnorm.__file__).parent}")
    funcs = steps()
    for func in funcs.values():
        func("warm up: Der Bundestag hat am Freitag beschlossen.")

    sizes = [s for s in (1_000, 10_000, 100_000, 1_000_000, 10_000_000) if s <= args.max_mb * MB]
    # at least 1 MB, so that every size gets 1 MB of distinct documents
    base_text = news_text(args.corpus, max(*sizes, MB))
    by_size: dict[str, list[str]] = {}
    for size in sizes:
        count = max(1, 1_000_000 // size)  # at least 1 MB of work per measurement
        by_size[str(size)] = [
            base_text[i * size : (i + 1) * size] or base_text[:size] for i in range(count)
        ]
    if 10_000_000 in sizes:
        # the 10 MB document holds more than the first MB the other sizes are cut from
        # (other languages, emoji that make Python store 4 bytes per character): its
        # reference is the same 10 MB cut into 100 KB documents
        by_size[REF_10MB] = [base_text[i : i + 100_000] for i in range(0, len(base_text), 100_000)]
    table = interleaved_table(funcs, by_size, args.repeats)

    print(
        f"seconds per MB by document size, median of {args.repeats} interleaved repeats "
        "(ratio to 100 KB in brackets; bar <= 1.5)"
    )
    print(f"{'size':>10} " + " ".join(f"{name:>22}" for name in funcs))
    worst_size = 0.0
    for size, row in table.items():
        ref = table[REF_10MB] if size in ("10000000", REF_10MB) else table["100000"]
        cells = []
        for name, secs in row.items():
            ratio = secs / ref[name]
            if name != DETECTED:
                worst_size = max(worst_size, ratio)
            cells.append(f"{secs:9.3f} ({ratio:4.2f})".rjust(22))
        print(f"{size:>10} " + " ".join(cells))
    if REF_10MB in table:
        print(f"({REF_10MB}: the 10 MB text cut into 100 KB documents, the 10 MB row's reference)")

    hostile = {"news text": [news_text(args.corpus, MB)]}
    hostile.update({label: [text] for label, text in hostile_inputs(MB).items()})
    rates = interleaved_table(funcs, hostile, args.repeats)
    normal_rate = rates.pop("news text")
    print("\nhostile inputs of 1 MB: seconds per MB (ratio to 1 MB of news text; bar <= 3)")
    print(f"{'input':>24} " + " ".join(f"{name:>22}" for name in funcs))
    worst_hostile = 0.0
    worst_hostile_normalize = 0.0
    for label, row in rates.items():
        cells = []
        for name, secs in row.items():
            ratio = secs / normal_rate[name]
            worst_hostile = max(worst_hostile, ratio)
            if name in ("normalize", DETECTED):
                worst_hostile_normalize = max(worst_hostile_normalize, ratio)
            cells.append(f"{secs:9.3f} ({ratio:5.2f})".rjust(22))
        print(f"{label:>24} " + " ".join(cells))
    print(
        f"\nworst size ratio {worst_size:.2f} (bar 1.5; {DETECTED} aside); worst hostile ratio "
        f"{worst_hostile:.2f} over all steps, {worst_hostile_normalize:.2f} for normalize (bar 3)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
