"""Would spelling (letter trigrams) help flag_untranslated? The experiment behind the "no".

    pip install wordfreq==3.1.1
    python benchmarks/spelling_experiment.py [--data DIR]

Builds, in memory only, a letter-trigram model of English and German spelling from
wordfreq 3.1.1 (words of Zipf >= 2 that are at least 0.5 more common in their language
than in the other five, weighted 1 + (Zipf - 2); trigrams of ``^word$``; add-0.5
smoothing) and prints:

1. held-out error rates: rarer wordfreq words (Zipf 1-2, 5+ letters) of each language
   judged by the summed log-odds at a few cut-offs;
2. unknown words (not in newsnorm's table) that look English at each cut-off, in the
   negatives of the shared evaluation data and in the MQM segments with genuine spans;
3. the benchmark figures when the spelling log-odds (times a weight, clipped to +-10) is
   added to the score of capitalised candidate words.

Nothing of this ships with newsnorm; see docs/untranslated.md for the conclusion.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

LANGS = ("de", "en", "fr", "es", "it", "nl")
TRAIN_ZIPF = 2.0
OWN_MARGIN = 0.5
WORD = re.compile(r"[^\W\d_]{3,}")
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _lists() -> dict[str, dict[str, float]]:
    import wordfreq

    out: dict[str, dict[str, float]] = {}
    for lang in LANGS:
        out[lang] = {
            w: math.log10(f) + 9.0
            for w, f in wordfreq.get_frequency_dict(lang, "large").items()
            if WORD.fullmatch(w)
        }
    return out


def _own(lists: dict[str, dict[str, float]], lang: str, lo: float, hi: float) -> dict[str, float]:
    out = {}
    for word, zipf in lists[lang].items():
        if lo <= zipf < hi:
            other = max(lists[o].get(word, 0.0) for o in LANGS if o != lang)
            if zipf - other >= OWN_MARGIN:
                out[word] = zipf
    return out


def _trigrams(word: str) -> list[str]:
    w = f"^{word.lower()}$"
    return [w[i : i + 3] for i in range(len(w) - 2)]


class Model:
    """Summed trigram log-odds, English vs German."""

    def __init__(self, lists: dict[str, dict[str, float]]) -> None:
        logp: dict[str, dict[str, float]] = {}
        for lang in ("en", "de"):
            counts: dict[str, float] = defaultdict(float)
            for word, zipf in _own(lists, lang, TRAIN_ZIPF, 99.0).items():
                for tri in _trigrams(word):
                    counts[tri] += 1.0 + (zipf - TRAIN_ZIPF)
            logp[lang] = counts  # type: ignore[assignment]
        vocab = set(logp["en"]) | set(logp["de"])
        self.odds: dict[str, float] = {}
        totals = {lang: sum(logp[lang].values()) + 0.5 * len(vocab) for lang in logp}
        for tri in vocab:
            pe = (logp["en"].get(tri, 0.0) + 0.5) / totals["en"]
            pd = (logp["de"].get(tri, 0.0) + 0.5) / totals["de"]
            self.odds[tri] = math.log(pe / pd)

    def __call__(self, word: str) -> float:
        return sum(self.odds.get(t, 0.0) for t in _trigrams(word))


def _figures(inj: list[dict], hard: list[dict], mqm: list[dict], common: list[dict]) -> str:  # type: ignore[type-arg]
    """The bars of benchmarks/untranslated_eval.py, on one line."""
    import untranslated_eval as ev

    from newsnorm.untranslated import flag_untranslated

    def score(recs: list[dict], negative_kinds: set[str]) -> dict[str, ev.Score]:  # type: ignore[type-arg]
        out: dict[str, ev.Score] = {}
        for r in recs:
            gold = [(s, e) for s, e, *_ in r["spans"]]
            flags = flag_untranslated(r["text"], lang="de")
            negative = r["kind"] in negative_kinds or not gold
            for key in ("all", r["kind"]):
                out.setdefault(key, ev.Score()).add(r, gold, flags, negative)
        return out

    a = score(inj, {"negative"})
    c = score(common, set())
    h = score(hard, {"hard-negative"})
    genuine, unmarked = ev.Score(), ev.Score()
    for r in mqm:
        flags = flag_untranslated(r["text"], lang="de")
        if not r["spans"]:
            unmarked.add(r, [], flags, True)
            continue
        gold = [(s, e) for s, e, _t, kind in r["spans"] if kind in ("genuine", "phrase")]
        if gold:
            genuine.add(r, gold, flags, False)
    return (
        f"P {a['all'].precision:.3f} R {a['all'].recall:.3f} "
        f"neg {a['negative'].per_1k:.2f}/1k | common R {c['positive-common'].recall:.3f} | "
        f"hard {h['all'].per_1k:.2f}/1k | MQM span R {genuine.span_recall:.3f}, "
        f"unmarked {unmarked.per_1k:.2f}/1k"
    )


def main(argv: list[str] | None = None) -> int:
    import untranslated_eval as ev

    import newsnorm.untranslated as U
    from newsnorm._freq import load_table

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ev.DEFAULT_DATA)
    args = ap.parse_args(argv)

    lists = _lists()
    model = Model(lists)
    cuts = (4.0, 6.0, 8.0, 10.0)

    print("== 1. held-out wordfreq words (Zipf 1-2, 5+ letters)")
    held = {lang: [w for w in _own(lists, lang, 1.0, TRAIN_ZIPF) if len(w) >= 5] for lang in LANGS}
    en = [model(w) for w in held["en"]]
    de = [model(w) for w in held["de"]]
    for cut in cuts:
        found = sum(v >= cut for v in en) / len(en)
        wrong = sum(v >= cut for v in de) / len(de)
        print(f"cut {cut:4.1f}: English found {found:.2f}, German judged English {wrong:.4f}")

    table = load_table()
    inj = ev._read(args.data / "inject_dev.jsonl")
    hard = ev._read(args.data / "inject_dev_hardneg.jsonl")
    mqm = ev._read(args.data / "mqm_ende.jsonl")
    common = ev._read(args.data / "inject_dev_common.jsonl")
    print("\n== 2. unknown words (5+ letters) that look English, by cut-off")
    groups = {
        "negatives": [r["text"] for r in inj if r["kind"] == "negative"],
        "hard negatives": [r["text"] for r in hard],
        "MQM unmarked": [r["text"] for r in mqm if not r["spans"]],
    }
    gold_words: Counter[str] = Counter()
    for r in mqm:
        for _s, _e, tok, kind in r["spans"]:
            if kind in ("genuine", "phrase"):
                gold_words.update(w.lower() for w in TOKEN.findall(tok))
    for name, texts in groups.items():
        counts = Counter()
        n_tokens = 0
        for text in texts:
            for w in TOKEN.findall(text):
                n_tokens += 1
                key = w.lower()
                if len(w) >= 5 and key not in table.index:
                    score = model(key)
                    for cut in cuts:
                        counts[(cut, w[:1].isupper())] += score >= cut
        row = ", ".join(
            f"cut {c:.0f}: {1000 * counts[(c, True)] / n_tokens:.1f} cap / "
            f"{1000 * counts[(c, False)] / n_tokens:.2f} lower per 1k"
            for c in cuts
        )
        print(f"{name}: {row}")
    unknown_gold = sorted(w for w in gold_words if len(w) >= 5 and w not in table.index)
    print(
        "MQM genuine words unknown to the table:", [(w, round(model(w), 1)) for w in unknown_gold]
    )

    print("\n== 3. spelling bonus on capitalised candidates (weight x log-odds, clipped to +-10)")
    base_logit = U._Scorer.word_logit
    base_best = U._best_logit
    for weight in (0.0, 0.05, 0.1, 0.2):

        def word_logit(self, tok, *, capital_ok, weight=weight):  # type: ignore[no-untyped-def]
            lg = base_logit(self, tok, capital_ok=capital_ok)
            if lg is None or not tok.text[:1].isupper():
                return lg
            return lg + weight * max(-10.0, min(10.0, model(tok.key)))

        U._Scorer.word_logit = word_logit  # type: ignore[method-assign]
        U._best_logit = lambda *a, weight=weight: base_best(*a) + 10.0 * weight
        print(f"weight {weight:.2f}: {_figures(inj, hard, mqm, common)}")
    U._Scorer.word_logit = base_logit  # type: ignore[method-assign]
    U._best_logit = base_best
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
