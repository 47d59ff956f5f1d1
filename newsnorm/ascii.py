"""ASCII transliteration for keys, slugs and search.

>>> to_ascii("„Café“ – Straße in Łódź")
'"Cafe" - Strasse in Lodz'
>>> to_ascii("Grüße aus Köln", lang="de")
'Gruesse aus Koeln'

Punctuation is folded the same way whatever the backend: typographic quotes
become ``"`` and ``'``, dashes and the minus sign ``-``, every space character
(no-break spaces included) a plain space. Everything else is transliterated by
the backend: ``"anyascii"`` (default, ISC licence, a dependency of newsnorm) or
``"unidecode"`` (GPL-2.0+, only with the optional extra
``pip install "newsnorm[unidecode]"``).

``lang`` adds a language's own spelling rules before the backend runs; the
rules live in ``newsnorm/data/<lang>/ascii.txt`` (German: ä→ae, ö→oe, ü→ue,
ß→ss). Without ``lang``, umlauts lose their dots (ä→a), as in most slug and
search-key schemes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from newsnorm._check import check_choice, ensure_str, replace_surrogates
from newsnorm._data import available_languages, load_lines

__all__ = ["BACKENDS", "to_ascii"]

#: The transliteration backends :func:`to_ascii` knows.
BACKENDS: tuple[str, ...] = ("anyascii", "unidecode")

_PUNCTUATION = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u02bc\uff07", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u202f\u205f\u3000",
        " ",
    ),
}
_PUNCTUATION_TABLE = str.maketrans(_PUNCTUATION)
_PUNCTUATION_RE = re.compile("[" + "".join(_PUNCTUATION) + "]")


@lru_cache(maxsize=16)
def _language_rules(lang: str) -> tuple[dict[int, str], re.Pattern[str], dict[str, str]]:
    """The ``data/<lang>/ascii.txt`` spellings, split in two.

    A translate table for the spellings that never depend on their neighbours,
    and a regex plus spellings for capitals spelled in title case ("Ä Ae"),
    which become all capitals inside an all-caps word.
    """
    simple: dict[int, str] = {}
    contextual: dict[str, str] = {}
    for entry in load_lines(lang, "ascii"):
        char, _, spelling = entry.partition(" ")
        char, spelling = unicodedata.normalize("NFC", char), spelling.strip()
        if char.isupper() and len(spelling) > 1 and not spelling.isupper():
            contextual[char] = spelling
        else:
            simple[ord(char)] = spelling
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(contextual)) + "]")
    return simple, pattern, contextual


def _apply_language(text: str, lang: str) -> str:
    simple, pattern, contextual = _language_rules(lang)
    text = text.translate(simple)
    if not contextual or pattern.search(text) is None:
        return text

    def spell(match: re.Match[str]) -> str:
        # Capitals inside an all-caps word are spelled in capitals: MÜLLER -> MUELLER.
        start, end = match.span()
        after = text[end] if end < len(text) else ""
        before = text[start - 1] if start > 0 else ""
        spelling = contextual[match.group()]
        if after.isupper() or (not after.isalpha() and before.isupper()):
            return spelling.upper()
        return spelling

    return pattern.sub(spell, text)


_NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")


@lru_cache(maxsize=4096)
def _anyascii_short(run: str) -> str:
    result: str = anyascii(run)
    return result


def _anyascii_match(match: re.Match[str]) -> str:
    run = match.group()
    if len(run) <= 8:  # "ü", "ß", "€": cached (long runs are not kept in memory)
        return _anyascii_short(run)
    result: str = anyascii(run)
    return result


def _anyascii_runs(text: str) -> str:
    """``anyascii(text)``, computed on the runs of non-ASCII characters only.

    anyascii maps every code point on its own, so the result is the same; the
    ASCII characters (most of a European text) skip its per-character Python loop,
    and the few distinct short runs ("ü", "ß", "é") are looked up once.
    """
    return _NON_ASCII_RUN.sub(_anyascii_match, text)


def _unidecode(text: str) -> str:
    try:
        from unidecode import unidecode
    except ImportError:
        raise ImportError(
            'to_ascii(backend="unidecode") needs Unidecode (GPL-2.0+), which is optional: '
            'pip install "newsnorm[unidecode]" (or use the default backend="anyascii")'
        ) from None
    result: str = unidecode(text)
    return result


def to_ascii(text: str, *, backend: str = "anyascii", lang: str | None = None) -> str:
    """Transliterate to ASCII: quotes to ``"``/``'``, dashes to ``-``, letters by *backend*.

    ``lang`` (one of the languages with a ``data/<lang>/ascii.txt``, e.g.
    ``"de"``) applies that language's spellings first. ASCII text is returned
    unchanged (the same object).

    >>> to_ascii("Ärger über »Müll« – 5\\u00a0€", lang="de")
    'Aerger ueber "Muell" - 5 EUR'
    >>> to_ascii("MÜNCHEN")
    'MUNCHEN'
    """
    text = ensure_str(text, "to_ascii")
    check_choice(backend, BACKENDS, "backend", "to_ascii")
    if lang is not None:
        check_choice(lang, available_languages("ascii"), "lang", "to_ascii")
    if text.isascii():
        return text
    text = replace_surrogates(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if lang is not None:
        text = _apply_language(text, lang)
    if _PUNCTUATION_RE.search(text) is not None:
        text = text.translate(_PUNCTUATION_TABLE)
    if text.isascii():
        return text
    if backend == "unidecode":
        return _unidecode(text)
    return _anyascii_runs(text)
