"""The compact word-frequency table (derived from wordfreq 3.1.1, CC BY-SA 4.0).

Built by ``tools/build_freq_tables.py``; the file layout is described there.
Loaded once, on first use, never at import.

>>> table = load_table()
>>> table.zipf("the", "en") > table.zipf("the", "de")
True
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache

from newsnorm._data import data_path

__all__ = ["FreqTable", "load_german_nouns", "load_rare_forms", "load_table"]

TABLE_FILE = ("wordfreq", "zipf.bin.gz")
RARE_FORMS_FILE = ("wordfreq", "rare_en_s_forms.txt")
GERMAN_NOUNS_FILE = ("german_nouns", "noun_forms.txt")
_MAGIC = b"NNZT1\n"


@dataclass(frozen=True)
class FreqTable:
    """Zipf frequencies (x10, 0 = rarer than Zipf 1.0) of the table's words in each language."""

    langs: tuple[str, ...]
    words: list[str]
    index: dict[str, int]
    columns: dict[str, bytes]

    def code(self, word: str, lang: str) -> int:
        """Zipf x 10 of a case-folded *word* in *lang* (0 if the table has no value)."""
        row = self.index.get(word)
        return 0 if row is None else self.columns[lang][row]

    def zipf(self, word: str, lang: str) -> float:
        """Zipf frequency of a case-folded *word* in *lang* (0.0 if unknown)."""
        return self.code(word, lang) / 10.0


@lru_cache(maxsize=1)
def load_table() -> FreqTable:
    """Read the shipped table (cached; about 0.1 s and 30 MB for all six languages)."""
    raw = gzip.decompress(data_path(*TABLE_FILE).read_bytes())
    if not raw.startswith(_MAGIC):
        raise RuntimeError("newsnorm: the word-frequency table is damaged; reinstall newsnorm")
    pos = len(_MAGIC)
    nl = raw.index(b"\n", pos)
    langs = tuple(raw[pos:nl].decode().split())
    pos = nl + 1
    nl = raw.index(b"\n", pos)
    n_words, n_bytes = (int(x) for x in raw[pos:nl].split())
    pos = nl + 1
    words = raw[pos : pos + n_bytes].decode("utf-8").split("\n")
    if len(words) != n_words:
        raise RuntimeError("newsnorm: the word-frequency table is damaged; reinstall newsnorm")
    pos += n_bytes + 1
    columns: dict[str, bytes] = {}
    for lang in langs:
        columns[lang] = raw[pos : pos + n_words]
        pos += n_words
    index = dict(zip(words, range(n_words), strict=True))
    return FreqTable(langs=langs, words=words, index=index, columns=columns)


@lru_cache(maxsize=1)
def load_rare_forms() -> frozenset[str]:
    """English -s forms too rare for the table ("blowflies"), from the same wordfreq data.

    Each is English only and comes from an English-only base word; see
    ``tools/build_freq_tables.py`` (``rare_s_forms``) for the exact rule.
    """
    text = data_path(*RARE_FORMS_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def load_german_nouns() -> frozenset[str]:
    """German noun forms (lower-cased) among the table's words that could pass for English.

    From German Wiktionary through german-nouns 1.2.5 (CC BY-SA 4.0); built by
    ``tools/build_german_nouns.py``, which says exactly which words are kept.
    """
    text = data_path(*GERMAN_NOUNS_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))
