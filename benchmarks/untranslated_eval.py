"""Evaluate newsnorm.flag_untranslated on the shared untranslated-token data.

    python benchmarks/untranslated_eval.py [--data DIR] [--min-score 0.5] [--skip-quoted]
                                           [--errors N] [--calibration]

Scoring follows ``shared/data/untranslated/README.md``: tokens are Python ``re``
``\\w+`` matches; a token is gold if it overlaps a gold span and flagged if it
overlaps a returned flag; precision/recall over all records of a file; false
flags per 1,000 tokens on negative (hard-negative, unmarked MQM) records. Also
prints the seed results, the data load time and the speed in tokens per second.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "untranslated"
WORD = re.compile(r"\w+")


def _read(path: Path) -> list[dict]:  # type: ignore[type-arg]
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in spans)


class Score:
    """Token-level counts for one group of records."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.neg_tokens = self.neg_flagged = 0
        self.spans = self.spans_found = 0
        self.errors: list[tuple[str, str, str]] = []

    def add(self, rec: dict, gold: list[tuple[int, int]], flags: list, negative: bool) -> None:  # type: ignore[type-arg]
        spans = [(f.start, f.end) for f in flags]
        for m in WORD.finditer(rec["text"]):
            g = _overlaps(m.start(), m.end(), gold)
            f = _overlaps(m.start(), m.end(), spans)
            self.tp += g and f
            self.fp += f and not g
            self.fn += g and not f
            if negative:
                self.neg_tokens += 1
                self.neg_flagged += f
        for s, e in gold:
            self.spans += 1
            toks = [(m.start() + s, m.end() + s) for m in WORD.finditer(rec["text"][s:e])]
            self.spans_found += any(_overlaps(a, b, spans) for a, b in toks)
        for f in flags:
            if not _overlaps(f.start, f.end, gold):
                self.errors.append(("FP", f.token, rec["text"]))
        for s, e in gold:
            if not _overlaps(s, e, spans):
                self.errors.append(("FN", rec["text"][s:e], rec["text"]))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def per_1k(self) -> float:
        return 1000 * self.neg_flagged / self.neg_tokens if self.neg_tokens else 0.0

    @property
    def span_recall(self) -> float:
        return self.spans_found / self.spans if self.spans else 1.0


_COLD = """
import json, sys, time, tracemalloc
trace = sys.argv[1] == "trace"
if trace:
    tracemalloc.start()
t0 = time.perf_counter()
import newsnorm
t_import = time.perf_counter() - t0
t0 = time.perf_counter()
newsnorm.flag_untranslated("Sie war initially dagegen.", lang="de")
t_first = time.perf_counter() - t0
from newsnorm.untranslated import _pair
t0 = time.perf_counter()
for target in ("en", "fr", "es", "it", "nl"):
    _pair("en" if target != "en" else "de", target)
t_rest = time.perf_counter() - t0
mem = tracemalloc.get_traced_memory() if trace else (0, 0)
print(json.dumps([t_import, t_first, t_rest, mem[0] / 1e6, mem[1] / 1e6]))
"""


def _cold_load() -> None:
    """Import time, first call and all-language load, measured in fresh interpreters."""
    import subprocess

    def run(mode: str) -> list[float]:
        out = subprocess.run(
            [sys.executable, "-c", _COLD, mode],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
        return json.loads(out)  # type: ignore[no-any-return]

    t_import, t_first, t_rest, _, _ = min(run("time") for _ in range(3))
    _, _, _, mem_now, mem_peak = run("trace")
    print(f"import newsnorm: {t_import * 1000:.0f} ms")
    print(f"first call (loads the table, builds en->de): {t_first * 1000:.0f} ms")
    print(f"the other four targets: {t_rest * 1000:.0f} ms more")
    print(f"memory with all six languages: {mem_now:.1f} MB (peak while loading {mem_peak:.1f} MB)")


def main(argv: list[str] | None = None) -> int:
    from newsnorm.untranslated import DEFAULT_MIN_SCORE, flag_untranslated

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    ap.add_argument("--skip-quoted", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors per file")
    ap.add_argument("--calibration", action="store_true", help="precision per score bin")
    args = ap.parse_args(argv)

    opts = {"min_score": args.min_score, "skip_quoted": args.skip_quoted}

    _cold_load()
    flag_untranslated("Ein kurzer Text mit initially einem Wort.", lang="de", **opts)

    calib: list[tuple[float, bool]] = []

    def run(recs: list[dict], negative_kinds: set[str], gold_of) -> dict[str, Score]:  # type: ignore[no-untyped-def,type-arg]
        groups: dict[str, Score] = {}
        for rec in recs:
            gold = gold_of(rec)
            flags = flag_untranslated(rec["text"], lang="de", **opts)
            negative = rec.get("kind") in negative_kinds or not gold
            for key in ("all", rec.get("kind") or "?"):
                groups.setdefault(key, Score()).add(rec, gold, flags, negative)
            for f in flags:
                calib.append((f.score, _overlaps(f.start, f.end, gold)))
        return groups

    def plain_gold(rec: dict) -> list[tuple[int, int]]:  # type: ignore[type-arg]
        return [(s, e) for s, e, *_ in rec["spans"]]

    files = {}
    inj = _read(args.data / "inject_dev.jsonl")
    res = run(inj, {"negative"}, plain_gold)
    a = res["all"]
    print("\n== inject_dev.jsonl (bar: P >= 0.95, R >= 0.85, <= 0.3 false flags/1k on negatives)")
    print(f"P {a.precision:.3f}  R {a.recall:.3f}  F1 {a.f1:.3f}  span R {a.span_recall:.3f}")
    for kind in ("positive", "positive-phrase"):
        print(f"  {kind}: R {res[kind].recall:.3f}  span R {res[kind].span_recall:.3f}")
    print(f"  negatives: {res['negative'].per_1k:.2f} false flags / 1k tokens")
    files["inject_dev"] = res

    common = _read(args.data / "inject_dev_common.jsonl")
    negs = [r for r in inj if r["kind"] == "negative"]
    res = run(common + negs, {"negative"}, plain_gold)
    print("\n== inject_dev_common.jsonl (+ negatives of inject_dev) (bar: R >= 0.9)")
    c = res["positive-common"]
    print(
        f"R common {c.recall:.3f}  span R {c.span_recall:.3f}  "
        f"P {res['all'].precision:.3f}  F1 {res['all'].f1:.3f}"
    )
    files["common"] = res

    hard = _read(args.data / "inject_dev_hardneg.jsonl")
    res = run(hard, {"hard-negative"}, plain_gold)
    print("\n== inject_dev_hardneg.jsonl (bar: <= 1 false flag / 1k tokens)")
    print(f"{res['all'].per_1k:.2f} false flags / 1k tokens")
    files["hardneg"] = res

    mqm = _read(args.data / "mqm_ende.jsonl")

    def mqm_gold(rec: dict) -> list[tuple[int, int]]:  # type: ignore[type-arg]
        return [(s, e) for s, e, _t, kind in rec["spans"] if kind in ("genuine", "phrase")]

    def mqm_any(rec: dict) -> list[tuple[int, int]]:  # type: ignore[type-arg]
        return [(s, e) for s, e, *_ in rec["spans"]]

    # unmarked segments are the negatives; segments with only name/acronym/... spans count
    # neither as gold nor as negatives for the false-flag rate
    groups = {"genuine": Score(), "unmarked": Score()}
    for rec in mqm:
        flags = flag_untranslated(rec["text"], lang="de", **opts)
        if not rec["spans"]:
            groups["unmarked"].add(rec, [], flags, True)
        else:
            gold = mqm_gold(rec)
            if gold:
                groups["genuine"].add(rec, gold, flags, False)
    g = groups["genuine"]
    print("\n== mqm_ende.jsonl (bar: genuine/phrase R >= 0.6, <= 0.5 false flags/1k unmarked)")
    print(f"genuine+phrase: token R {g.recall:.3f}  span R {g.span_recall:.3f} ({g.spans} spans)")
    print(f"unmarked segments: {groups['unmarked'].per_1k:.2f} false flags / 1k tokens")
    files["mqm"] = groups
    del mqm_any

    print("\n== seeds")
    for name in ("000_af01204604cdb2da.txt", "003_e12b06f26a82ec37.txt"):
        path = ROOT / "seeds" / name
        if not path.is_file():
            print(f"{name}: missing")
            continue
        flags = flag_untranslated(path.read_text(encoding="utf-8"), **opts)
        print(f"{name}: {[f.token for f in flags]}")

    print("\n== speed")
    texts = [r["text"] for r in inj + hard + mqm]
    n_tokens = sum(len(WORD.findall(t)) for t in texts)
    best = best_cpu = float("inf")
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            flag_untranslated(t, lang="de", **opts)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(
        f"{n_tokens:,} tokens in {best:.2f} s wall, {best_cpu:.2f} s CPU: "
        f"{n_tokens / best_cpu / 1e6:.2f} M tokens per CPU second "
        f"({n_tokens / best / 1e6:.2f} M/s wall; the wall figure suffers on a busy machine)"
    )

    if args.calibration:
        print("\n== calibration (flags over all files; 'correct' = overlaps a gold span)")
        bins: Counter[tuple[float, bool]] = Counter()
        for s, ok in calib:
            bins[(min(int(s * 10), 9) / 10, ok)] += 1
        for b in [x / 10 for x in range(10)]:
            tot = bins[(b, True)] + bins[(b, False)]
            if tot:
                share = bins[(b, True)] / tot
                print(f"score {b:.1f}-{b + 0.1:.1f}: {tot:5d} flags, precision {share:.2f}")
    if args.errors:
        for name, res in files.items():
            for key, sc in res.items():
                if key == "all":
                    continue
                errs = sc.errors[: args.errors]
                if errs:
                    print(f"\n-- errors {name}/{key}")
                for kind, tok, text in errs:
                    print(f"{kind} {tok!r}: {text[:300]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
