"""Offline language identification for whole documents.

The detector counts the most frequent function words of each language (the
lists live in ``newsnorm/data/<lang>/stopwords.txt``) plus a few letters that
only some languages use. On news documents — hundreds of words, mostly
function words — this is as reliable as a statistical model, needs no
download, and runs at regex speed.

>>> detect_language("Die Regierung hat am Montag beschlossen, dass die Steuern steigen.").lang
'de'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from newsnorm._check import ensure_str
from newsnorm._data import available_languages, load_lines
from newsnorm.types import LanguageGuess

__all__ = ["detect_language", "supported_languages"]

#: Only this many characters from the start of a document are read at most.
SAMPLE_CHARS = 20_000
#: The text is read in pieces of this size until the evidence is clear.
CHUNK_CHARS = 4_000
#: Evidence (weighted function-word hits) after which reading stops.
ENOUGH_EVIDENCE = 60.0
#: Below this share of function words among the words read, the text is in no known
#: language (Russian, Chinese or Finnish pages with a few Latin-script words).
MIN_COVERAGE = 0.04
#: A guess needs at least this much function-word evidence.
MIN_EVIDENCE = 3.0

_WORD = re.compile(r"[^\W\d_]+")

# Letters that point to one language (or a few); each occurrence adds this weight.
_LETTER_HINTS: dict[str, tuple[tuple[str, ...], float]] = {
    "ß": (("de",), 1.0),
    "ä": (("de",), 0.3),
    "ö": (("de",), 0.3),
    "ü": (("de",), 0.3),
    "ñ": (("es",), 1.0),
    "¿": (("es",), 1.0),
    "¡": (("es",), 1.0),
    "ç": (("fr", "pt"), 0.5),
    "ã": (("pt",), 1.0),
    "õ": (("pt",), 1.0),
    "é": (("fr",), 0.2),
    "â": (("fr",), 0.5),
    "î": (("fr",), 0.5),
    "ô": (("fr",), 0.5),
    "û": (("fr",), 0.5),
    "œ": (("fr",), 1.0),
    "ê": (("fr",), 0.5),
    "è": (("fr", "it"), 0.3),
    "ò": (("it",), 0.5),
    "ì": (("it",), 0.5),
    "ù": (("it", "fr"), 0.3),
    "ł": (("pl",), 1.0),
    "ą": (("pl",), 1.0),
    "ę": (("pl",), 1.0),
    "ś": (("pl",), 1.0),
    "ż": (("pl",), 1.0),
    "ź": (("pl",), 1.0),
    "ń": (("pl",), 1.0),
    "ć": (("pl",), 1.0),
}


def supported_languages() -> tuple[str, ...]:
    """The languages :func:`detect_language` can return, e.g. ``('de', 'en', ...)``."""
    return available_languages("stopwords")


@lru_cache(maxsize=8)
def _weights(languages: tuple[str, ...]) -> dict[str, tuple[tuple[str, float], ...]]:
    owners: dict[str, list[str]] = {}
    for lang in languages:
        for word in load_lines(lang, "stopwords"):
            owners.setdefault(word.lower(), []).append(lang)
    return {
        word: tuple((lang, 1.0 / len(langs)) for lang in dict.fromkeys(langs))
        for word, langs in owners.items()
    }


def detect_language(text: str, *, languages: Iterable[str] | None = None) -> LanguageGuess:
    """Detect the language of a document from its function words, offline.

    Returns a :class:`~newsnorm.types.LanguageGuess`; ``lang`` is ``None`` when
    the text has too little evidence (a few words, numbers only, an unknown
    language). ``score`` is the share of the evidence that points to the winner,
    damped for short texts.

    >>> detect_language("The government said on Monday that taxes will rise.").lang
    'en'
    >>> detect_language("12345").lang is None
    True
    """
    ensure_str(text, "detect_language")
    langs = tuple(sorted(set(languages))) if languages is not None else supported_languages()
    table = _weights(langs)
    scores = dict.fromkeys(langs, 0.0)
    sample = text[:SAMPLE_CHARS].lower()
    total = 0.0
    words = hits = 0
    for begin in range(0, len(sample), CHUNK_CHARS):
        chunk = _WORD.findall(sample, begin, begin + CHUNK_CHARS)
        words += len(chunk)
        for word in chunk:
            hit = table.get(word)
            if hit is not None:
                hits += 1
                for lang, weight in hit:
                    scores[lang] += weight
                    total += weight
        if total >= ENOUGH_EVIDENCE:
            sample = sample[: begin + CHUNK_CHARS]
            break
    for letter, (owners, weight) in _LETTER_HINTS.items():
        count = sample.count(letter)
        if count:
            for lang in owners:
                if lang in scores:
                    scores[lang] += weight * min(count, 50) / len(owners)
    total = sum(scores.values())
    if total < MIN_EVIDENCE or hits < MIN_COVERAGE * words:
        return LanguageGuess(None, 0.0)
    best = max(langs, key=lambda lang: (scores[lang], lang == "en"))
    share = scores[best] / total
    confidence = share * min(1.0, total / 20.0)
    return LanguageGuess(best, round(confidence, 4))
