"""Build newsnorm's list of German noun forms from german-nouns 1.2.5 (German Wiktionary).

    pip download --no-deps german-nouns==1.2.5      # a wheel; unzip it, or
    pip install --no-deps german-nouns==1.2.5       # then --csv is found on its own
    python tools/build_german_nouns.py [--csv path/to/german_nouns/nouns.csv]
    python tools/build_german_nouns.py --check      # rebuild in memory, compare

german-nouns (Gregor Weichbrodt, https://github.com/gambolputty/german-nouns) lists about
100,000 German nouns with all their inflected forms, compiled from German Wiktionary (data
CC BY-SA 4.0; see ``newsnorm/data/german_nouns/LICENSE-german-nouns.txt``).

``newsnorm.untranslated`` needs one fact from it: is a capitalised word that looks English
also a German noun ("Team", "Release", "Keeper"), or not ("Dad", "Council")? So the file
holds only what the scorer can ask about: the lower-cased noun forms that are also words of
newsnorm's frequency table (``newsnorm/data/wordfreq``) able to anchor a flag in German text
(Zipf >= ``MIN_SOURCE_ZIPF`` in one of the other five languages and at least ``MIN_MARGIN``
above German), plus the rare English -s forms (``rare_en_s_forms.txt``) that are German noun
forms. Common nouns only: entries that Wiktionary marks as a place name, first name, surname,
proper name, abbreviation, letter, symbol, street name or affix are left out. One word a
line, sorted; a rebuild is byte-identical.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsnorm._freq import load_rare_forms, load_table  # noqa: E402
from newsnorm.untranslated import MIN_MARGIN, MIN_SOURCE_ZIPF  # noqa: E402

GERMAN_NOUNS_VERSION = "1.2.5"
#: sha256 of german_nouns/nouns.csv in german-nouns 1.2.5 (a rebuild from another file is refused)
CSV_SHA256 = "7b34ca76bb753fa5d3d2b683ecc987824ae874b375ac999a797074fafba2768e"
OUT = ROOT / "newsnorm" / "data" / "german_nouns" / "noun_forms.txt"
#: Wiktionary part-of-speech labels of entries that are not common nouns.
NOT_COMMON = frozenset(
    {
        "Toponym",
        "Vorname",
        "Nachname",
        "Eigenname",
        "Abkürzung",
        "Buchstabe",
        "Symbol",
        "Straßenname",
        "Affix",
        "Suffix",
        "Gebundenes Lexem",
    }
)
#: Columns that are not forms (lemma is, and is read too).
_NOT_FORMS = frozenset({"pos", "genus", "genus 1", "genus 2", "genus 3", "genus 4"})
_WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _default_csv() -> Path:
    try:
        import german_nouns  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("german-nouns is not installed: pass --csv path/to/german_nouns/nouns.csv")
    return Path(german_nouns.__file__).resolve().parent / "nouns.csv"


def noun_forms(csv_path: Path) -> set[str]:
    """Every lower-cased form (lemma and inflections) of the common nouns in *csv_path*."""
    data = csv_path.read_bytes()
    if hashlib.sha256(data).hexdigest() != CSV_SHA256:
        sys.exit(f"{csv_path} is not the nouns.csv of german-nouns {GERMAN_NOUNS_VERSION}")
    rows = csv.reader(data.decode("utf-8").splitlines())
    head = next(rows)
    form_cols = [k for k, name in enumerate(head) if name not in _NOT_FORMS]
    forms: set[str] = set()
    for row in rows:
        labels = set(row[1].split(","))
        if "Substantiv" not in labels or labels & NOT_COMMON:
            continue
        for k in form_cols:
            for value in row[k].split(","):
                word = value.strip()
                if word and _WORD.fullmatch(word):
                    forms.add(word.lower())
    return forms


def build(csv_path: Path) -> bytes:
    """The file's bytes (deterministic)."""
    forms = noun_forms(csv_path)
    table = load_table()
    de = table.columns["de"]
    others = [table.columns[lang] for lang in table.langs if lang != "de"]
    lo = round(MIN_SOURCE_ZIPF * 10)
    margin = round(MIN_MARGIN * 10)
    keep = set()
    for row, word in enumerate(table.words):
        if word in forms and any(col[row] >= lo and col[row] - de[row] >= margin for col in others):
            keep.add(word)
    keep |= forms & load_rare_forms()
    head = (
        "# German noun forms (lower-cased) that newsnorm's frequency table could take for a\n"
        "# source-language word in German text. Derived from german-nouns "
        f"{GERMAN_NOUNS_VERSION} (German Wiktionary,\n"
        "# CC BY-SA 4.0, see LICENSE-german-nouns.txt) by tools/build_german_nouns.py;\n"
        "# do not edit by hand, rebuild.\n"
    )
    return (head + "\n".join(sorted(keep)) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csv", type=Path, default=None, help="german_nouns/nouns.csv")
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build(args.csv if args.csv is not None else _default_csv())
    if args.check:
        if args.out.is_file() and args.out.read_bytes() == data:
            print("up to date")
            return 0
        print(f"{args.out} differs from a fresh build")
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
