"""Idempotence on real text: every step and ``normalize()`` run twice give the same result.

The unit tests check ``f(f(x)) == f(x)`` on generated text (hypothesis); this script checks it
on the real pages and passages of ``../shared/data/`` and on the benchmark corpus (with its
mojibake, entities and CRLF), where a page's own mix of menus, languages and quote marks can
find what generated text does not. It prints, per function, how many documents a second run
changes, and the first few of them.

Usage::

    python benchmarks/idempotence.py [--corpus-mb 5] [--show 5]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# measure this checkout, not whatever newsnorm is installed
sys.path.insert(0, str(HERE.parent))

from _timing import load_sample  # noqa: E402

import newsnorm  # noqa: E402

DEFAULT_SHARED = HERE.parent.parent / "shared" / "data"
FILES = (
    "boilerplate/dev.jsonl",
    "untranslated/mqm_ende.jsonl",
    "untranslated/inject_dev_hardneg.jsonl",
    "untranslated/mqm_bio.jsonl",
)


def documents(shared: Path, corpus: Path, corpus_mb: float) -> Iterator[tuple[str, str]]:
    """(name, text) of every document of the shared files, then a corpus sample."""
    for name in FILES:
        path = shared / name
        if not path.exists():
            print(f"({path} is missing: skipped)")
            continue
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                record = json.loads(line)
                yield f"{name}:{record.get('id', number)}", record["text"]
    if corpus.exists() and corpus_mb > 0:
        for number, text in enumerate(load_sample(corpus, corpus_mb, seed=7), 1):
            yield f"corpus sample #{number}", text
    else:
        print(f"({corpus} is missing: run python benchmarks/corpus.py; corpus skipped)")


def _normalize(**options: Any) -> Callable[[str], object]:
    norm = newsnorm.Normalizer(**options)

    def run(text: str) -> object:
        return norm(text).text

    return run


#: name -> function whose output is fed back to it
CHECKS: dict[str, Callable[[str], object]] = {
    "normalize()": _normalize(),
    "normalize(quotes='auto')": _normalize(quotes="auto"),
    "normalize(lang='de', quotes='de')": _normalize(lang="de", quotes="de"),
    "fix_encoding": newsnorm.fix_encoding,
    "normalize_whitespace": newsnorm.normalize_whitespace,
    "strip_boilerplate": newsnorm.strip_boilerplate,
    "normalize_quotes(style='de')": lambda t: newsnorm.normalize_quotes(t, style="de"),
    "normalize_quotes(style='ascii')": lambda t: newsnorm.normalize_quotes(t, style="ascii"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus.jsonl")
    parser.add_argument("--corpus-mb", type=float, default=5.0)
    parser.add_argument("--show", type=int, default=5, help="documents shown per function")
    args = parser.parse_args(argv)

    docs = list(documents(args.shared, args.corpus, args.corpus_mb))
    print(f"{len(docs)} documents")
    failures = 0
    for name, func in CHECKS.items():
        changed: list[str] = []
        for doc_name, text in docs:
            once = func(text)
            assert isinstance(once, str)
            if func(once) != once:
                changed.append(doc_name)
        failures += len(changed)
        print(f"{name:<36} changed by a second run: {len(changed)}")
        for doc_name in changed[: args.show]:
            print(f"    {doc_name}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
