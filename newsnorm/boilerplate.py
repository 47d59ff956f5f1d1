"""Strip page boilerplate (menus, teasers, share rows, footers, credits) from plain text.

A scraper that turns a news page into text keeps every text node: menus,
skip links, share rows, teaser headlines of other articles, comment widgets,
footers, picture credits glued to captions. :func:`strip_boilerplate` removes
them from the plain text alone, line by line, and :func:`find_boilerplate`
reports every removal with its position and a reason a person can read.

The evidence, cheapest first:

* phrases a site uses for its furniture, per language, in data files
  (``newsnorm/data/<lang>/bp_*.txt``, plus ``data/any`` for every language);
* where the article body is: the densest run of long, sentence-like lines
  (a maximum-sum segment over per-line scores), and the position of every
  other line relative to it (before, inside, after);
* the shape of a line: length, words, final punctuation, function words,
  separators such as `` | ``, digits only, punctuation only;
* context: runs of short link-like lines, a heading that opens a teaser
  block and the teaser lines under it, repeated lines (the first copy stays),
  credits glued to the end of a caption (the credit goes, the caption stays).

Removal is always of whole lines or of a clearly delimited line tail (a
credit); nothing is cut inside a sentence of the article.

>>> page = "Zum Inhalt springen\\nStartseite\\nPolitik\\n\\nSteuern steigen\\n\\n" + (
...     "Die Regierung hat am Montag beschlossen, dass die Steuern 2025 steigen.\\n"
...     "Der Finanzminister sagte, das sei nötig, um die Schulden zu senken.\\n\\n"
...     "Teilen\\nImpressum")
>>> print(strip_boilerplate(page, lang="de"))
Steuern steigen
<BLANKLINE>
Die Regierung hat am Montag beschlossen, dass die Steuern 2025 steigen.
Der Finanzminister sagte, das sei nötig, um die Schulden zu senken.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex

from newsnorm._check import check_choice, ensure_str
from newsnorm._data import load_lines, load_set
from newsnorm._lines import split_lines as _split
from newsnorm.langid import detect_language
from newsnorm.types import Removal

__all__ = ["LEVELS", "apply_removals", "find_boilerplate", "strip_boilerplate"]

#: The values of the ``level`` option, from the fewest removals to the most.
LEVELS: tuple[str, ...] = ("conservative", "balanced", "aggressive")

#: Languages with phrase data; any other language gets the language-independent evidence.
PHRASE_LANGUAGES: tuple[str, ...] = ("de", "en", "fr", "es", "it", "nl", "pl")

# Phrase categories (data file ``bp_<category>.txt``) and the reason reported for them.
# The order settles a phrase listed in two categories: the first one wins.
_CATEGORIES: dict[str, str] = {
    "skip": "skip link",
    "related": "teaser heading",
    "related_inline": "teaser link",
    "comments": "comment widget",
    "about": "author box",
    "legal": "footer link",
    "account": "newsletter/login",
    "share": "share buttons",
    "ads": "ad label",
    "meta": "date/reading time",
    "licence": "licence note",
    "navigation": "navigation",
}
# Prefix phrases of these categories also match long lines ("Dieser Beitrag
# wurde am … veröffentlicht und … verschlagwortet"); teaser and navigation
# prefixes only match short lines.
_LONG_PREFIX = frozenset({"comments", "account", "about"})
# ... and so do prefixes of three words or more of these categories.
_LONG_OPENING = frozenset({"meta", "ads", "licence"})
# Categories that come from a data file of their own (related_inline is a prefix match of related).
_FILES = tuple(c for c in _CATEGORIES if c != "related_inline")
# Categories whose phrases are removed wherever they stand (navigation words
# inside the article body need a boilerplate neighbour as well).
_STRONG = frozenset(_CATEGORIES) - {"navigation"}

# Phrase categories that end an article: a body segment never extends across them.
_MARKERS = frozenset({"related", "comments", "legal", "about"})
# ... and after the body, share rows and subscription prompts end it as well.
_END_MARKERS = _MARKERS | {"share", "account"}
#: The score of a teaser, comment, author-box or footer heading: the body rarely runs across one.
_MARKER_WEIGHT = -6.0
# Headings that close an article (see _cut_at_end_marker) and the prose needed before one.
_CUT_MARKERS = frozenset({"comments", "about", "legal", "share", "account"})
_CUT_PROSE = 10.0
#: A suffix phrase closes a line of at most this many words more than its own.
_SUFFIX_EXTRA = 4
#: A run of prose ends where its score falls this far below its best.
_DROP = 2.5
#: Short lines weighing more than this between two runs of prose separate page parts.
_MAX_GAP = 15.0
#: A run of this many link-like lines inside the body is a menu without further evidence.
_LONG_RUN = 12
#: After the body, at most this many lines without evidence may stand between two prose lines.
_MAX_PENDING = 3
# Removals that do not end the article (a table cell, a credit, a date line).
_WEAK_EVIDENCE = frozenset(
    {
        "counter",
        "stray punctuation",
        "date",
        "credit",
        "repeated line",
        "duplicate headline",
        "contact row",
    }
)
#: A line of a hard-wrapped paragraph has at least this many words (its last line aside).
_WRAP_WORDS = 6
#: At most this many lines under an author-box heading outside the body belong to the box.
_MAX_BIO = 3
# the longest bio that opens with the author's name (in units, see _Features)
_MAX_BIO_UNITS = 80
# removals whose line can open with the author's name: a byline, a dated post row, a reply
_NAMED_FURNITURE = frozenset({"byline", "date", "comments", "comment widget"})
#: The longest list a line ending in a colon can announce.
_MAX_LIST = 60
#: A numbered list has at least this many items, each at most _NUMBERED_GAP lines after the last.
_MIN_NUMBERED = 3
_NUMBERED_GAP = 4
#: Numbered steps (a bare number over a paragraph) need this many in a row.
_MIN_STEPS = 2
#: A sign-off under the article's last paragraph has at most this many words.
_SIGNOFF_WORDS = 5
#: At most this many lines glued under an ad label outside the body belong to the ad.
_MAX_AD = 6
#: A data table has at least this many "Label: value" rows of at most _FIELD_UNITS words.
_MIN_FIELDS = 3
_FIELD_UNITS = 16
#: An ingredient list has at least this many quantity lines in a row (each of at most
#: _INGREDIENT_WORDS words).
_MIN_INGREDIENTS = 3
_INGREDIENT_WORDS = 8
#: A line of at most this many words between two quantity lines is the label of the second.
_QUANTITY_LABEL_WORDS = 3
#: At most this many passes over a text (each pass runs on the previous output).
_MAX_PASSES = 6
#: A dense run of prose joins the body when it scores at least this much.
_EXTEND_SCORE = 5.0
#: Two paragraphs in a row weighing this much (about 100 words) resume the article.
_RESTART_WEIGHT = 16.0
#: A notice of at most this many words is an embed placeholder, not a consent text.
_EMBED_NOTICE = 12
#: A longer notice is an embed placeholder when prose stands at most this many lines before it
#: and prose weighing _EXTEND_SCORE follows within as many lines (no heading or notice between).
_EMBED_SPAN = 6
#: The first dense run scoring at least this share of the best one is the body.
_FIRST_SHARE = 0.6
#: A body holding less of the page's text than this is no ground to remove
#: the rest of the page by position (see _slight_body).
_MIN_BODY_SHARE = 0.01
#: A run of prose with at least this many disclaimer lines (half its weight) is a legal text.
_MIN_LEGAL = 2

# Removals that end the article for good: prose after them is no part of it.
_HARD_END = frozenset(
    {
        "comment widget",
        "footer link",
        "author box",
        "cookie/javascript notice",
        "subscription prompt",
    }
)
#: A teaser heading with one to this many lines under it, then prose: a box inside the article.
_INLINE_TEASER = 3
#: A line under the body that ends in punctuation and has this many words or more goes on
#: the article (a paragraph cut short with an ellipsis) like a paragraph of prose.
_LONG_LINE = 40
# Removed lines that may sit between the headline and the body (a byline row).
_HEAD_FURNITURE = frozenset(
    {
        "duplicate headline",
        "credit",
        "byline",
        "date",
        "date/reading time",
        "share buttons",
        "ad label",
        "counter",
        "stray punctuation",
        "newsletter/login",
    }
)

# Line breaks: the set str.splitlines() knows.
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]++")
_ASCII_NON_WORD = re.compile(r"[^a-z0-9]+")
# the site name after a headline: "Titel | Zeitung", "Titel - Zeitung", "Titel – Zeitung"
_TITLE_SUFFIX = regex.compile(r" [|–—-] \p{L}[^|–—]{0,60}$")
_ARROWS = frozenset("←→⟵⟶⇐⇒")
# signs of code: a call, an assignment, a path or an option ("f(x)", "a = 1", "a.b_c", "--x")
_CODE = regex.compile(r"\w\(|\s=\s|\w=\w|\w_\w|\w\.\w+\(|^\s*+(?:\$|#|//|>>>|--)")
_DIGIT = regex.compile(r"\d")
# an emoticon alone on its line: ":)", ":-(", ";)", "=)", "(:", ":-/" (anchored, no nesting)
_EMOTICON = re.compile(r"(?:[:;=][-']?[()\[\]/\\|*]{1,3}|[()\[\]][-']?[:;=])\Z")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_NON_LATIN = regex.compile(r"[^\p{Latin}\P{L}]")
# cheap exact shortcuts for both: no CJK character lies below _CJK_FIRST, and
# below _LATIN_END only the characters of _NON_LATIN_LOW are non-Latin letters
# (tests/test_boilerplate.py checks both against the regex module's tables)
_CJK_FIRST = "\u2e80"
_LATIN_END = "\u0250"
_NON_LATIN_LOW = tuple(chr(c) for c in range(0x250) if _NON_LATIN.match(chr(c)))
_DATE = regex.compile(
    r"(?:\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|"
    r"\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4}|\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4})"
)
_SEPARATOR = regex.compile(r"\s[|·•»/>]\s|\s[|·•]|[|·•]\s")
# cheap prefilters: a line without these characters cannot match _SEPARATOR, _CODE
_SEPARATOR_CHARS = re.compile(r"[|·•»/>]")
_CODE_CHARS = re.compile(r"[(=_]|^(?:\$|#|//|>>>|--)")
_END_PUNCT = frozenset(".!?…:;\"'”“»«)]’‘。！？")
_SENTENCE_END = frozenset(".!?…\"'”“»«)]’‘。！？")
# a paragraph the converter broke in two ends its first part with a comma or dash
_CONTINUED = _SENTENCE_END | frozenset(",;–-")
# the kicker that opens a teaser line: a date or a label of one to three words, then a dash
_KICKER = re.compile(r"^(?:(\d{1,2}\.\d{1,2}\.\d{2,4})|[^\W\d_][^\s|]*(?: [^\s|]+){0,2}) [-–|] ")
#: A teaser list under a heading has at least this many lines that open with a kicker.
_MIN_KICKERS = 3
#: Lines in a row above the body standing again after it (each copy at most _COPY_GAP
#: lines after the one before) that are a repeated teaser list.
_MIN_REPEATED_TEASERS = 3
_COPY_GAP = 6


@dataclass(frozen=True)
class _Lexicon:
    whole: dict[str, str]
    prefixes: dict[str, str]
    max_prefix_words: int
    # phrases that close a short line ("*findest du hier": "Alles über X findest du hier.")
    suffixes: dict[str, str]
    max_suffix_words: int
    vocab: frozenset[str]
    credit: regex.Pattern[str] | None
    credit_line: regex.Pattern[str] | None
    credit_words: tuple[str, ...]
    agencies: frozenset[str]
    notice_topic: tuple[str, ...]
    notice_action: tuple[str, ...]
    promo_topic: tuple[str, ...]
    promo_action: tuple[str, ...]
    bylines: frozenset[str]
    # the words that open or close a sign-off ("Euer Max", "XX, Die Redaktion")
    signoff_open: frozenset[str]
    signoff_close: frozenset[str]
    stopwords: frozenset[str]
    # one compiled alternation per probe list: the same answer as
    # ``any(p in text for p in probes)``, in one C-level scan
    credit_probe: re.Pattern[str] | None
    notice_probe: re.Pattern[str] | None
    promo_probe: re.Pattern[str] | None
    # phrases of legal and disclaimer texts (bp_disclaimer.txt), at word starts of a line's key
    disclaimer: re.Pattern[str] | None
    # keys of section labels that introduce a citation or a teaser (bp_label.txt)
    labels: frozenset[str]
    # phrases of a post's filing note ("abgelegt unter", "filed under"; bp_filed.txt)
    filed: re.Pattern[str] | None
    # the licence phrases (bp_licence.txt) at word starts anywhere in a line's key
    licence: re.Pattern[str] | None
    # units of measure after a quantity in an ingredient list (bp_units.txt, of lang and
    # English), case-folded
    units: frozenset[str]


def _key(text: str) -> str:
    """Case-folded words of *text*, without punctuation and leading/trailing counters."""
    if text.isascii():
        # the same split for ASCII text, with the faster engine
        words = _ASCII_NON_WORD.sub(" ", text.lower()).split()
    else:
        words = _NON_WORD.sub(" ", text.casefold()).split()
    while words and words[-1].isdigit():
        words.pop()
    while words and words[0].isdigit():
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=32)
def _lexicon(lang: str | None) -> _Lexicon:
    # English furniture ("Share this:", "Skip to content") appears on pages of
    # every language, so English phrases back up every other language.
    sources = ["any", "en"] if lang in (None, "en") else ["any", lang, "en"]
    whole: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    vocab: set[str] = set()
    for category in _FILES:
        for source in sources:
            for entry in load_lines(source, f"bp_{category}"):
                # "Diskutieren Sie mit*" is a prefix; "Name *" (a required form field,
                # the asterisk apart) is the whole line "Name"
                is_prefix = entry.endswith("*") and not entry.endswith(" *")
                key = _key(entry.rstrip("*"))
                if not key:
                    continue
                if entry.startswith("*"):
                    # "*Newsletter" closes a short line ("Cicero Newsletter")
                    suffixes.setdefault(_key(entry[1:]), category)
                elif is_prefix:
                    # a prefix of one letter ("(c)*" keys as "c") would open "C-Klasse", "8 °C"
                    if len(key) > 1:
                        prefixes.setdefault(key, category)
                else:
                    whole.setdefault(key, category)
                    if category in ("navigation", "legal", "share", "account"):
                        vocab.update(key.split())
    credit_words: list[str] = []
    words_of: dict[str, list[str]] = {}
    bylines: set[str] = set()
    signoffs: dict[str, set[str]] = {"open": set(), "close": set()}
    disclaimers: list[str] = []
    labels: set[str] = set()
    filed: list[str] = []
    for source in PHRASE_LANGUAGES if lang is None else dict.fromkeys((lang, "en")):
        credit_words.extend(load_lines(source, "bp_credit"))
        disclaimers.extend(load_lines(source, "bp_disclaimer"))
        labels.update(_key(e) for e in load_lines(source, "bp_label"))
        filed.extend(load_lines(source, "bp_filed"))
        for name in ("notice", "promo"):
            for entry in load_lines(source, f"bp_{name}"):
                kind, _, word = entry.partition(" ")
                if kind in ("topic", "action"):
                    words_of.setdefault(f"{name} {kind}", []).append(word.casefold())
        bylines.update(_key(b) for b in load_lines(source, "bp_byline"))
        for entry in load_lines(source, "bp_signoff"):
            kind, _, words = entry.partition(" ")
            if kind in signoffs and _key(words):
                signoffs[kind].add(_key(words))
    credit = credit_line = None
    if credit_words:
        words = "|".join(sorted({regex.escape(w) for w in credit_words}, key=len, reverse=True))
        # A credit at the end of a caption: "… am Montag. Foto: Max Muster/dpa",
        # "… (Bild: Getty Images)", "… © Reuters". The credit itself is short and
        # holds no sentence end (a full stop only after a colon or © and a few
        # capitalised names, case counts: "… Foto: Archivo El País."; not "…
        # the Copyright Office."); the caption before it keeps its text.
        credit = regex.compile(
            r"(?:\s++|(?<=[\p{Ll}.!?)\"”“»]))(?:[–—|/-]\s*+)?"
            r"(?:[(\[]\s*+)?(?:(?:" + words + r")\s*+(?::|\b(?=\s*+[©(]))|©|\(c\)|Copyright\b)"
            r"(?:(?:[^.!?:\n]|[.:](?=\w)){0,80}+[)\]]?"
            r"|(?<=[:©])(?-i:(?:\s*+\p{Lu}[\p{L}\p{N}&’'/-]*+){1,6}+)\.)\s*+$",
            regex.IGNORECASE | regex.VERSION1,
        )
        credit_line = regex.compile(
            r"^\s*+(?:[(\[]\s*+)?(?:(?:" + words + r")\s*+(?::|(?:by|von|par|por|di|door)\s)"
            r"|©|\(c\)|Copyright\b)",
            regex.IGNORECASE,
        )
    # function words of every language: a prose line has some, a keyword list has none
    # (and a misdetected language must not turn the article into "keywords")
    stop: frozenset[str] = frozenset()
    if lang is not None:
        stop = frozenset().union(*(load_set(code, "stopwords") for code in PHRASE_LANGUAGES))
    max_words = max((len(p.split()) for p in prefixes), default=0)
    all_credit_words = (*sorted({w.casefold() for w in credit_words}), "©", "(c)", "copyright")
    notice_topic = _word_starts(words_of.get("notice topic", []))
    promo_topic = _word_starts(words_of.get("promo topic", []))
    return _Lexicon(
        whole=whole,
        prefixes=prefixes,
        max_prefix_words=max_words,
        suffixes=suffixes,
        max_suffix_words=max((len(p.split()) for p in suffixes), default=0),
        vocab=frozenset(vocab),
        credit=credit,
        credit_line=credit_line,
        credit_words=all_credit_words,
        agencies=frozenset(k for k in (_key(a) for a in load_lines("any", "bp_agencies")) if k),
        notice_topic=notice_topic,
        notice_action=_word_starts(words_of.get("notice action", [])),
        promo_topic=promo_topic,
        promo_action=_word_starts(words_of.get("promo action", [])),
        bylines=frozenset(b for b in bylines if b),
        signoff_open=frozenset(signoffs["open"]),
        signoff_close=frozenset(signoffs["close"]),
        stopwords=stop,
        credit_probe=_any_of(all_credit_words),
        notice_probe=_any_of(notice_topic),
        promo_probe=_any_of(promo_topic),
        disclaimer=_any_of(_word_starts(disclaimers)),
        labels=frozenset(k for k in labels if k),
        filed=_any_of(_word_starts(filed)),
        licence=_any_of(tuple(" " + k for k, c in prefixes.items() if c == "licence")),
        units=frozenset(
            w.casefold()
            for source in (("en",) if lang in (None, "en") else (lang, "en"))
            for w in load_lines(source, "bp_units")
        ),
    )


def _any_of(probes: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern that finds any of the literal *probes* (None without probes)."""
    if not probes:
        return None
    return re.compile("|".join(re.escape(p) for p in sorted(set(probes), key=len, reverse=True)))


def _word_starts(entries: list[str]) -> tuple[str, ...]:
    """Entries as ' word' probes: they match at the start of a word of a line's key."""
    return tuple(dict.fromkeys(" " + k for k in (_key(e) for e in entries) if k))


def _resolve_lang(text: str, lang: object, func: str) -> str | None:
    if lang is None:
        guess = detect_language(text).lang
        return guess if guess in PHRASE_LANGUAGES else None
    if not isinstance(lang, str):
        raise TypeError(
            f"{func}() takes lang as str or None, not {type(lang).__name__} "
            "(an ISO 639-1 code such as 'de' or 'en-GB')"
        )
    base = lang.strip().replace("_", "-").split("-")[0].casefold()
    return base if base in PHRASE_LANGUAGES else None


# ---------------------------------------------------------------------------
# line model


@dataclass(slots=True)
class _Line:
    number: int
    start: int
    end: int
    text: str
    # the features of the line alone, in the order of _Features
    key: str
    words: int
    units: int
    good: bool
    end_punct: bool
    linky: bool
    category: str | None
    weight: float
    notice: int  # cookie/consent notice signal (see _signal)
    promo: int  # subscription prompt signal
    nav: bool  # a menu row, a separated link row or a post link
    late: str | None  # byline, credit or date evidence of the line alone
    credit: int  # where a credit starts, relative to the line start, or -1
    # what the engine decides
    blank: bool = False
    cell: bool = False  # a cell of a data table flattened to one cell a line
    reason: str | None = None
    tail: int = -1  # start of a credit tail to cut, or -1


def _phrase(key: str, words: int, first: str, linked: bool, lex: _Lexicon) -> str | None:
    category = lex.whole.get(key)
    if category is not None:
        return category
    # a prefix phrase must open the line: not inside a quotation
    if words > 40 or not lex.prefixes or not (first.isalnum() or first in "©(["):
        return None
    parts = key.split()
    for n in range(min(len(parts), lex.max_prefix_words), 0, -1):
        category = lex.prefixes.get(" ".join(parts[:n]))
        if category is not None:
            if category == "related":
                # "Lesen Sie auch: <headline>" links one article; it opens no teaser block
                return "related_inline" if words <= 14 or (words <= 25 and linked) else None
            # a meta or ad prefix of three words or more ("Dieser Beitrag wurde …",
            # "This entry was posted …", "Für Links auf dieser Seite …") opens a
            # long line as well
            long_ok = category in _LONG_PREFIX or (category in _LONG_OPENING and n >= 3)
            return category if words <= 14 or long_ok else None
    return None


def _suffix_phrase(key: str, words: int, last: str, lex: _Lexicon) -> str | None:
    """The category of a suffix phrase that closes the short line of key *key*.

    A line of at most ``_SUFFIX_EXTRA`` words more than the phrase: "Cicero Newsletter",
    "Alles über Wanderschuhe findest du hier." (a link to another article: "teaser link").
    A line ending in a colon announces what follows ("Themen für den nächsten
    Newsletter:"): a heading of the text, not a prompt.
    """
    if not lex.suffixes or words > lex.max_suffix_words + _SUFFIX_EXTRA or last == ":":
        return None
    parts = key.split()
    for n in range(min(len(parts) - 1, lex.max_suffix_words), 0, -1):
        category = lex.suffixes.get(" ".join(parts[-n:]))
        if category is not None and words <= n + _SUFFIX_EXTRA:
            return "related_inline" if category == "related" else category
    return None


def _signal(low: str, topics: re.Pattern[str] | None, actions: tuple[str, ...]) -> int:
    """-1 without a topic word in *low*; else how many different action words it holds.

    *low* is a line's key with a space in front; every probe starts a word
    ("abo" finds "Abonnement", not "Labor"). *topics* is the alternation of
    the topic probes (one scan); the rare line with a topic has its action
    words counted by substring tests, so "please enable" counts as both
    "please enable" and "enable".
    """
    if topics is None or topics.search(low) is None:
        return -1
    return sum(1 for a in actions if a in low)


_CONNECTORS = frozenset({"and", "und", "&", "et", "y", "e", "en", "i", "u"})


def _is_byline(stripped: str, key: str, lex: _Lexicon) -> bool:
    """'By Jane Doe', 'Von Max Mustermann und Erika Muster': a byline word, then a few names."""
    if not lex.bylines or stripped[-1] in _SENTENCE_END:
        return False
    words = key.split()
    raw = stripped.split()
    for n in (1, 2, 3):
        if len(words) > n and " ".join(words[:n]) in lex.bylines:
            names = raw[n:]
            return 1 <= len(names) <= 6 and all(
                w[:1].isupper() or w.casefold() in _CONNECTORS for w in names
            )
    return False


_Features = tuple[
    str, int, int, bool, bool, bool, "str | None", float, int, int, bool, "str | None", int
]


#: The features of a blank line.
_BLANK: _Features = ("", 0, 0, False, False, False, None, 0.0, -1, -1, False, None, -1)


def _features(stripped: str, lex: _Lexicon) -> _Features:
    """What a line says on its own, computed once per distinct line.

    (key, words, units, good, end_punct, linky, category, weight, notice,
    promo, nav, late, credit): ``notice`` and ``promo`` are the cookie-notice
    and subscription-prompt signals of :func:`_signal`; ``nav``, ``late``
    and ``credit`` are the evidence of :func:`_line_evidence` and
    :func:`_credit_at`.
    """
    key = _key(stripped)
    words = len(stripped.split())
    ascii_only = stripped.isascii()
    top = "\0" if ascii_only else max(stripped)
    cjk = len(_CJK.findall(stripped)) if top >= _CJK_FIRST else 0
    units = words + cjk // 2
    last = stripped[-1]
    end_punct = last in _END_PUNCT
    # a teaser link separates its label from the headline: "Lesen Sie auch: …", "À lire aussi » …"
    head = stripped[:40]
    linked = ":" in head or "»" in head or ">" in head or "|" in head
    # (a footnote mark glued to the phrase opens a disclosure: "*Werbung. Dieser Beitrag …")
    first = stripped[1:2] if stripped[0] == "*" else stripped[0]
    category = _phrase(key, words, first, linked, lex) if key else None
    if category is None and key:
        category = _suffix_phrase(key, words, last, lex)
    seps = (
        len(_SEPARATOR.findall(stripped))
        if words > 1 and _SEPARATOR_CHARS.search(stripped) is not None
        else 0
    )
    truncated = stripped.endswith(("…", "...")) and units <= 60
    stop_ok = True
    # function words are checked on Latin-script lines only (a misdetected
    # language must not turn Korean or Russian prose into "keywords")
    latin = (
        ascii_only
        or (top < _LATIN_END and not any(c in stripped for c in _NON_LATIN_LOW))
        or _NON_LATIN.search(stripped) is None
    )
    if lex.stopwords and units >= 4 and latin:
        low = stripped.casefold().split()
        stop_ok = sum(map(lex.stopwords.__contains__, low)) >= max(1, len(low) // 12)
    good = (
        category is None
        and not truncated
        and seps < 2
        and stop_ok
        and ((units >= 8 and last in _CONTINUED) or units >= 20)
    )
    # a line of code or a formula (tech articles): neither prose nor a menu
    code = (
        not good
        and category is None
        and _CODE_CHARS.search(stripped) is not None
        and _CODE.search(stripped) is not None
    )
    linky = (
        not good and not code and ((units <= 6 and not end_punct) or (truncated and units <= 12))
    )
    if good:
        weight = _prose_weight(units)
    elif category in _MARKERS:
        weight = _MARKER_WEIGHT
    elif category is not None:
        weight = -2.0
    elif code:
        weight = 0.0
    elif linky or not key:
        weight = -1.0
    elif end_punct:
        weight = -0.2
    else:
        weight = -0.5
    padded = " " + key
    notice = _signal(padded, lex.notice_probe, lex.notice_action)
    promo = _signal(padded, lex.promo_probe, lex.promo_action) if units <= 40 else -1
    # (a line with a phrase of its own needs no other evidence of the line alone)
    nav, late = (
        _line_evidence(stripped, key, units, good, lex) if category is None else (False, None)
    )
    credit = _credit_at(stripped, key, lex) if units <= 80 else -1
    if not nav and late is None and credit < 0 and category is None and _slash_row(stripped):
        nav = True
    return (
        key,
        words,
        units,
        good,
        end_punct,
        linky,
        category,
        weight,
        notice,
        promo,
        nav,
        late,
        credit,
    )


def _line_evidence(
    stripped: str, key: str, units: int, good: bool, lex: _Lexicon
) -> tuple[bool, str | None]:
    """The evidence of a line alone (its neighbours and position aside).

    ``nav``: a menu row, a separated link row or a link to a neighbouring
    post. ``late``: for a line without words, "date", "counter" or "stray
    punctuation"; else a byline, a credit line or a date line (these count
    only after the phrase, navigation and notice checks of :func:`_find`).
    """
    if not key:
        if _DATE.search(stripped):
            return False, "date"
        if any(ch.isdigit() for ch in stripped):
            return False, "counter"
        if _EMOTICON.match(stripped):
            return False, None  # the author's own smiley: text, not punctuation
        return False, "stray punctuation"
    parts = key.split()
    nav = (
        (2 <= len(parts) <= 30 and not good and lex.vocab.issuperset(parts))
        or _separated_row(stripped)
        or _arrow_row(stripped)
        or _post_link(stripped, units)
    )
    late: str | None = None
    if units <= 8 and _is_byline(stripped, key, lex):
        late = "byline"
    elif units <= 12 and _is_credit_line(stripped, lex):
        late = "credit"
    elif (
        units <= 14
        and stripped[-1] not in _SENTENCE_END
        and _DIGIT.search(stripped)
        and _DATE.search(stripped)
    ):
        # a date line, or a dateline: date and time with a name or a counter
        # ("19.6.2007 9:40 Uhr Max Muster 71 Kommentare")
        dates = len(_DATE.findall(stripped))
        rest = len(_key(_DATE.sub(" ", stripped)).split())
        if (rest <= 4 and units <= 8) or (dates >= 2 and rest <= 8):
            late = "date"
    return nav, late


def _analyse(text: str, lex: _Lexicon, memo: dict[str, _Features]) -> list[_Line]:
    """The lines of *text* with their features (*memo* caches features by line content)."""
    lines: list[_Line] = []
    for number, (start, end, _next) in enumerate(_split(text), 1):
        raw = text[start:end]
        stripped = raw.strip()
        if not stripped:
            lines.append(_Line(number, start, end, raw, *_BLANK, blank=True))
            continue
        feats = memo.get(stripped)
        if feats is None:
            feats = memo[stripped] = _features(stripped, lex)
        line = _Line(number, start, end, raw, *feats)
        if len(raw) != len(stripped) and line.units <= 80:
            # the credit offsets of the memo are those of the stripped line
            line.credit = _credit_at(raw, line.key, lex)
        lines.append(line)
    _wrapped_paragraphs(lines)
    _wrapped_sentences(lines)
    _cell_tables(lines)
    return lines


def _prose_weight(units: int) -> float:
    """The weight of a prose line of *units* words in body detection (capped at 80 words)."""
    return min(units, 80) / 6.0


def _make_prose(ln: _Line) -> None:
    """Count *ln* as prose, as if it were a sentence on its own (no-op on a prose line)."""
    if not ln.good:
        ln.good = True
        ln.linky = False
        ln.weight = _prose_weight(ln.units)


def _wrapped_paragraphs(lines: list[_Line]) -> None:
    """Make the lines of a hard-wrapped paragraph prose.

    Mail archives and old blogs break paragraphs every 70 characters: each
    line alone looks like a short label. A block of at least three lines
    (no blank line between) of ``_WRAP_WORDS`` words or more, plus a shorter
    last line, where at least two line ends fall inside a sentence (no final
    punctuation, the next line goes on in lower case) and some sentence
    ends, is one paragraph.
    """
    i, n = 0, len(lines)
    while i < n:
        if lines[i].blank:
            i += 1
            continue
        j = i
        while (
            j < n
            and not lines[j].blank
            and lines[j].category is None
            and lines[j].words >= _WRAP_WORDS
        ):
            j += 1
        end = j + 1 if i < j < n and not lines[j].blank and lines[j].category is None else j
        block = lines[i:end]
        if len(block) >= 3:
            wraps = 0
            ends = False
            for a, b in pairwise(block):
                last = a.text.rstrip()[-1]
                if last in _SENTENCE_END:
                    ends = True
                elif b.text.lstrip()[:1].islower():
                    wraps += 1
            ends = ends or block[-1].text.rstrip()[-1] in _SENTENCE_END
            if wraps >= 2 and ends:
                for ln in block:
                    _make_prose(ln)
        i = max(end, i + 1)


def _wrapped_sentences(lines: list[_Line]) -> None:
    """Make the lines of a sentence broken over short lines prose.

    A line without final punctuation, then lines glued under it (no blank
    line between) that go on in lower case, the last one ending the sentence
    ("Kinder unter 4 Jahren werden nicht als" / "zahlende Personen
    gerechnet."): one sentence, prose when it would be prose on one line
    (``_WRAP_WORDS`` + 2 words or more, the first line two words or more,
    the last one ending in ".", "!" or "?"). A menu's entries do not go on
    in lower case and end no sentence.
    """
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        if ln.blank or ln.category is not None or ln.good or ln.end_punct:
            i += 1
            continue
        j = i + 1
        units = ln.units
        while (
            j < n
            and not lines[j].blank
            and lines[j].category is None
            and not lines[j].good
            and lines[j].text.lstrip()[:1].islower()
        ):
            units += lines[j].units
            if lines[j].end_punct:
                break
            j += 1
        if (
            j < n
            and not lines[j].blank
            and lines[j].end_punct
            and lines[j].text.rstrip()[-1] in ".!?"
            and ln.words >= 2
            and units >= _WRAP_WORDS + 2
            and lines[j].text.lstrip()[:1].islower()
        ):
            for k in range(i, j + 1):
                _make_prose(lines[k])
            i = j + 1
        else:
            i = max(j, i + 1)


# the shape of a table cell: "N" a number ("63", "85%", "-1.62", "2:1"), "T" text,
# "S" a sign alone ("%", "–"; an empty cell may stand in a column of numbers)
# (a number may carry a short unit: "2.3 GB/s", "85 kg", "12 €"; anchored: searched from
# every position, an unanchored pattern would rescan a run of spaces each time)
_CELL_LETTER = regex.compile(r"\p{L}")
_CELL_NUMBER = regex.compile(r"^[^\p{L}\d]*+\d[^\p{L}]*+(?:\p{L}{1,3}(?:/\p{L}{1,3})?\.?)?")


def _cell_shape(ln: _Line) -> str:
    """The shape of *ln* as a table cell: "N", "T" or "S"."""
    stripped = ln.text.strip()
    if _CELL_NUMBER.fullmatch(stripped) is not None:
        return "N"
    return "T" if _CELL_LETTER.search(stripped) is not None else "S"


def _cell_tables(lines: list[_Line]) -> None:
    """Mark the cells of data tables flattened to one cell a line as neither prose nor menu.

    A converter writes each cell of a table on a line of its own: a header of
    ``k`` (``_MIN_COLUMNS`` to ``_MAX_COLUMNS``) short text cells, then rows
    of ``k`` cells in which every column keeps its shape (number or text),
    with at least one column of numbers and one of text: standings, results,
    prices, statistics. Alone, each cell looks like a counter or a menu
    link; together they are the article's data. A table needs
    ``_MIN_ROWS`` rows (two with four columns or more); a repeated header
    row inside it is part of it. A cell with a phrase of its own (other
    than a menu word such as "Top 10") ends the table. The cells weigh
    nothing, so the body runs across the table, and keep no counter or date
    evidence; where the table stands (inside the article or among the
    footer) decides as for any other line.
    """
    i, n = 0, len(lines)
    while i < n:
        if lines[i].blank:
            i += 1
            continue
        j = i
        while j < n and not lines[j].blank:
            j += 1
        if j - i < 3 * _MIN_COLUMNS:
            i = j  # too short for a header and two rows
            continue
        # the shape of every line of the block, worked out once for all column counts
        shapes = "".join(map(_cell_shape, lines[i:j]))
        # the header opens the block, or follows the table's caption line
        for start in (i, i + 1):
            end = _table_at(lines, shapes[start - i :], start, j)
            if end > start:
                for ln in lines[start:end]:
                    ln.cell = True
                    ln.category = None
                    ln.linky = False
                    ln.nav = False
                    ln.late = None
                    ln.weight = max(ln.weight, 0.0)
                break
        i = j


_MIN_COLUMNS = 3
_MAX_COLUMNS = 10
_MIN_ROWS = 3
_HEADER_UNITS = 4
# a menu word is a fine column name ("Top 10"); any other phrase is no cell
_CELL_CATEGORIES = frozenset({None, "navigation"})


def _table_at(lines: list[_Line], shapes: str, start: int, stop: int) -> int:
    """The end of the flattened table whose header begins at *start*, or *start* if none.

    *shapes* holds the :func:`_cell_shape` of every line from *start* to *stop*.
    """
    best = start
    for k in range(_MIN_COLUMNS, _MAX_COLUMNS + 1):
        if start + 3 * k > stop:
            break
        header = lines[start : start + k]
        if "N" in shapes[:k] or any(
            ln.category not in _CELL_CATEGORIES or ln.units > _HEADER_UNITS for ln in header
        ):
            # (a number is no column name; every longer k would take it in too)
            break
        keys = [ln.key for ln in header]
        signature = ""
        rows = 0
        pos = start + k
        while pos + k <= stop:
            row = lines[pos : pos + k]
            if any(ln.category not in _CELL_CATEGORIES for ln in row):
                break
            if [ln.key for ln in row] == keys:
                pos += k  # the header again
                continue
            shape = shapes[pos - start : pos - start + k]
            if not signature:
                if "N" not in shape or "T" not in shape:
                    break
                signature = shape
            elif any(
                a != b and not (a == "N" and b == "S")
                for a, b in zip(signature, shape, strict=True)
            ):
                break
            rows += 1
            pos += k
        if rows >= (_MIN_ROWS if k < 4 else 2) and pos > best:
            best = pos
    return best


def _segments(lines: list[_Line]) -> list[tuple[int, int, float]]:
    """Dense runs of prose: (start, end, score) of each run, in page order.

    Kadane's scan keeps a running sum of line weights; a run ends when the sum
    drops to zero or falls more than ``_DROP`` below its best value (a menu or
    a list between two parts of a page), and its best prefix is a candidate.
    """
    segments: list[tuple[int, int, float]] = []
    best = (0, 0, 0.0)
    run_start, run = 0, 0.0
    for i, ln in enumerate(lines):
        if run <= 0.0 or run < best[2] - _DROP:
            if best[2] > 0.0:
                segments.append(best)
            run_start, run = i, 0.0
            best = (i, i, 0.0)
        run += ln.weight
        if run > best[2]:
            best = (run_start, i + 1, run)
    if best[2] > 0.0:
        segments.append(best)
    return segments


def _gap_blocks(lines: list[_Line], lo: int, hi: int, markers: frozenset[str]) -> bool:
    """True if lines[lo:hi] separate two parts of a page rather than two parts of an article.

    That is: the gap holds a teaser, comment or footer heading or a notice, or
    its short lines weigh more than ``_MAX_GAP`` (a whole menu, not a list).
    """
    negative = 0.0
    for i in range(lo, hi):
        ln = lines[i]
        if ln.category in markers or ln.weight <= -3.0:
            return True
        if ln.weight < 0.0:
            negative -= ln.weight
    return negative > _MAX_GAP


# (a bare character class: a pattern opening with \s* would rescan runs of spaces)
_ROW_SPLIT = regex.compile(r"[|·•]")


def _separated_row(stripped: str) -> bool:
    """A breadcrumb or link row: 'Start | Magazin | Tipps', 'A|B|C' (short parts, no sentence)."""
    if stripped.count("|") + stripped.count("·") + stripped.count("•") < 2:
        return False
    parts = [p.strip() for p in _ROW_SPLIT.split(stripped)]
    parts = [p for p in parts if p]
    if len(parts) < 3:
        return False
    return all(len(p.split()) <= 4 and p[-1] not in ".!?" for p in parts)


_ARROW_SPLIT = re.compile(r"\s[>»](?=\s|$)")


def _arrow_row(stripped: str) -> bool:
    """A breadcrumb with arrows: 'Start > Politik > Inland', 'Home » Sport » Fußball »'.

    At least two spaced arrows; every part before the last is one to four
    words with a letter and no sentence end; the last part is empty (a
    trailing arrow) or the page's title of at most eight words. A quotation
    mark « or a "<" (code, a formula) makes it no row.
    """
    if ("»" not in stripped and ">" not in stripped) or "«" in stripped or "<" in stripped:
        return False  # (cheap checks first: every line without an arrow ends here)
    parts = [p.strip() for p in _ARROW_SPLIT.split(stripped)]
    if len(parts) < 3:
        return False
    *crumbs, last = parts
    return len(last.split()) <= 8 and all(
        1 <= len(p.split()) <= 4 and p[-1] not in ".!?" and any(c.isalpha() for c in p)
        for p in crumbs
    )


def _slash_row(stripped: str) -> bool:
    """A tag or breadcrumb row with spaced slashes: 'Comics / Economics / Happy mutants'.

    At least three parts of one to three words, each with a letter (a date
    such as '29 / Mai / 2024' is no row); a line with a credit is a credit.
    """
    if stripped.count(" / ") < 2:
        return False
    parts = stripped.split(" / ")
    return all(
        1 <= len(p.split()) <= 3 and p.strip()[-1] not in ".!?" and not p.strip().isdigit()
        for p in parts
    )


def _disclaims(ln: _Line, disclaimer: re.Pattern[str] | None) -> bool:
    """A line with a © sign or a phrase of a legal or disclaimer text."""
    return "©" in ln.text or (
        disclaimer is not None and disclaimer.search(" " + ln.key) is not None
    )


def _legal_run(lines: list[_Line], start: int, end: int, disclaimer: re.Pattern[str]) -> bool:
    """A run of prose that is mostly a legal or disclaimer text (see ``bp_disclaimer.txt``).

    At least ``_MIN_LEGAL`` of its prose lines hold a disclaimer phrase or a
    © sign, and they carry at least half of its prose weight: an article that
    mentions a trademark or medical advice once is no disclaimer.
    """
    hits, legal, total = 0, 0.0, 0.0
    for i in range(start, end):
        ln = lines[i]
        if ln.weight <= 0.0:
            continue
        total += ln.weight
        if _disclaims(ln, disclaimer):
            hits += 1
            legal += ln.weight
    return hits >= _MIN_LEGAL and 2.0 * legal >= total


def _embed_placeholder(lines: list[_Line], content: list[int], k: int) -> bool:
    """The notice at lines[content[k]] holds the place of an embedded post or video.

    A paragraph of prose stands at most ``_EMBED_SPAN`` lines before it and
    prose weighing ``_EXTEND_SCORE`` follows within as many lines, with no
    heading of a page part (a teaser, comment or footer heading) and no other
    notice between: one placeholder inside the article, not a consent banner.
    """

    def plain(ln: _Line) -> bool:
        return ln.category is None and ln.notice < 2

    before = False
    for j in content[max(0, k - _EMBED_SPAN) : k][::-1]:
        if not plain(lines[j]):
            break
        if lines[j].good:
            before = True
            break
    if not before:
        return False
    prose = 0.0
    for j in content[k + 1 : k + 1 + _EMBED_SPAN]:
        if not plain(lines[j]):
            break
        if lines[j].good:
            prose += lines[j].weight
    return prose >= _EXTEND_SCORE


def _body(
    lines: list[_Line], content: list[int], disclaimer: re.Pattern[str] | None = None
) -> tuple[int, int]:
    """Where the article body is: (first line index, end index); empty at the end if none.

    *content* holds the indexes of the lines that are not blank. The first run
    of prose nearly as dense as the densest one, extended over
    neighbouring dense runs unless a teaser, comment or footer block lies between.
    A run that is mostly a legal or disclaimer text (*disclaimer* finds its
    phrases) is neither chosen nor joined when an article-like run (scoring
    ``_EXTEND_SCORE`` or more) exists elsewhere on the page.
    """
    for k, i in enumerate(content):
        ln = lines[i]
        if ln.good and ln.notice >= 2:
            # a consent text parts the page; a one-sentence placeholder of an
            # embedded video ("Enable JavaScript to watch the video.") stands
            # inside the article and weighs like any other boilerplate line, and
            # so does a longer one between two paragraphs of the article
            embedded = ln.units <= _EMBED_NOTICE or _embed_placeholder(lines, content, k)
            ln.weight = -1.0 if embedded else -3.0
    segments = _segments(lines)
    body_start, body_end = len(lines), len(lines)
    if segments:
        legal = [False] * len(segments)
        if disclaimer is not None:
            legal = [_legal_run(lines, s[0], s[1], disclaimer) for s in segments]
            if not any(
                not is_legal and s[2] >= _EXTEND_SCORE
                for s, is_legal in zip(segments, legal, strict=True)
            ):
                # no article-like run besides the legal texts: the page is what it is
                legal = [False] * len(segments)
        top = max(s[2] for s, is_legal in zip(segments, legal, strict=True) if not is_legal)
        # the article comes before comments, consent texts and footers: the
        # first run nearly as dense as the densest one is the body
        main = next(
            k for k, s in enumerate(segments) if not legal[k] and s[2] >= _FIRST_SHARE * top
        )
        body_start, body_end, _score = segments[main]
        # weaker runs in between are part of the gap; a long gap, a marker or a
        # legal text stops the walk
        for k in range(main - 1, -1, -1):
            s_start, s_end, s_score = segments[k]
            if legal[k] or _gap_blocks(lines, s_end, body_start, _MARKERS):
                break
            if s_score >= _EXTEND_SCORE:
                body_start = s_start
        for k in range(main + 1, len(segments)):
            s_start, s_end, s_score = segments[k]
            if legal[k] or _gap_blocks(lines, body_end, s_start, _END_MARKERS):
                break
            if s_score >= _EXTEND_SCORE:
                body_end = s_end
        body_end = _cut_at_end_marker(lines, body_start, body_end)
    return body_start, body_end


def _slight_body(lines: list[_Line], content: list[int], start: int, end: int) -> bool:
    """Whether the body found holds too little of the page to place the rest by it.

    Lines before and after the body go as page header and footer on their
    position alone. When the "body" is a sliver of the page (a form note under
    a long results table in a language without phrase data), that would
    remove nearly the whole page: the page is then treated as one without a
    body, where only the evidence of each line removes anything. The shares
    count the text of the lines that line evidence leaves (the first copy of
    each, without counters, menus, phrases): removing those on a first pass
    does not change the decision on the next.
    """
    seen: set[str] = set()
    total = 0
    inside = 0
    for i in content:
        ln = lines[i]
        if (
            not ln.key
            or ln.key in seen
            or ln.category is not None
            or ln.nav
            or ln.late is not None
            or ln.notice > 0
            or ln.promo > 0
        ):
            continue
        seen.add(ln.key)
        total += len(ln.key)
        if start <= i < end:
            inside += len(ln.key)
    return inside < _MIN_BODY_SHARE * total


def _prose(lines: list[_Line], start: int, end: int) -> float:
    """The weight of the prose among lines[start:end] (the lines that weigh more than nothing)."""
    return sum(ln.weight for ln in lines[start:end] if ln.weight > 0)


def _cut_at_end_marker(lines: list[_Line], start: int, end: int) -> int:
    """End the body at a comment, author-box or footer heading once the article has had its say.

    Long comments or a long author box can join the article in one dense run;
    the first such heading after enough prose (and after at least as much
    prose as follows it) closes the article.
    """
    total = _prose(lines, start, end)
    before = 0.0
    for i in range(start, end):
        ln = lines[i]
        if ln.weight > 0:
            before += ln.weight
        elif ln.category in _CUT_MARKERS and before >= _CUT_PROSE and before >= total - before:
            return i
    return end


def _open_stretch(lines: list[_Line], body_start: int, body_end: int) -> int:
    """Where the page footer may begin: *body_end*, or later when the body was cut short.

    The lines after the body up to the first line with boilerplate evidence
    of its own (a phrase, a notice, a menu row; not a repeat, a date or a
    counter) belong to the article when they hold at least as much prose as
    the body itself: a recipe or a plan of short steps between a few
    paragraphs, which no dense run covers.
    """
    body = _prose(lines, body_start, body_end)
    prose = 0.0
    for i in range(body_end, len(lines)):
        ln = lines[i]
        if ln.blank:
            continue
        if ln.category is not None or (ln.reason is not None and ln.reason not in _WEAK_EVIDENCE):
            end = i
            break
        if ln.good:
            prose += ln.weight
    else:
        end = len(lines)
    return end if prose >= body and end > body_end else body_end


def _in_link_run(lines: list[_Line], i: int, limit: int) -> bool:
    """A link-like line with a link-like neighbour in the same block (no blank line between)."""
    before = i > 0 and lines[i - 1].linky and lines[i - 1].reason not in _HEAD_FURNITURE
    after = i + 1 < limit and lines[i + 1].linky and lines[i + 1].reason not in _HEAD_FURNITURE
    return lines[i].linky and (before or after)


def _announced_lists(lines: list[_Line]) -> list[int]:
    """For every line, the line that announces the list it is in, or -1.

    A line ending in a colon announces the run of lines right under it (no
    blank line between) that have no boilerplate evidence of their own, at
    most ``_MAX_LIST`` lines. The items of a numbered list are their own
    announcers (see :func:`_numbered_lists`).
    """
    listed = [-1] * len(lines)
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.blank and ln.reason is None and ln.text.rstrip().endswith(":"):
            j = i + 1
            while (
                j < len(lines)
                and j - i <= _MAX_LIST
                and not lines[j].blank
                and lines[j].reason is None
                and lines[j].category is None
            ):
                listed[j] = i
                j += 1
            i = max(j, i + 1)
        else:
            i += 1
    _numbered_lists(lines, listed)
    _field_tables(lines, listed)
    return listed


# a numbered list item: "1) …", "2. …", "10) …", "3.Wort" (the number, then text)
_NUMBERED = re.compile(r"(\d{1,3})[.)](?:\s+\S|[^\W\d_])")
# a sub-item of a numbered list or a table of contents: "3.1 …", "3.2. …", "3.3#3 …"
_SUB_NUMBERED = re.compile(r"(\d{1,3})\.\d{1,3}\.?(?:\s+\S|[^\W\d_]|#)")


def _numbered_lists(lines: list[_Line], listed: list[int]) -> None:
    """Mark the items of numbered lists (1, 2, 3, … in order) as list lines.

    An article's own list ("1) …", "2) …", with a link or a note under each
    item) is content wherever it stands; at least ``_MIN_NUMBERED`` items
    numbered one after the other, each at most ``_NUMBERED_GAP`` lines after
    the one before, and items without boilerplate evidence of their own.
    """
    run: list[int] = []
    subs: list[int] = []  # the sub-items of the run's items ("3.1 …" under "3. …")
    expect = -1
    for i, ln in enumerate(lines):
        if ln.blank or ln.reason is not None or ln.category is not None:
            continue
        text = ln.text.lstrip()
        last = max(run[-1], subs[-1]) if subs else run[-1] if run else -1
        sub = _SUB_NUMBERED.match(text)
        if sub is not None:
            if run and int(sub.group(1)) == expect - 1 and i - last <= _NUMBERED_GAP:
                subs.append(i)
            continue
        m = _NUMBERED.match(text)
        if m is None:
            continue
        number = int(m.group(1))
        if run and number == expect and i - last <= _NUMBERED_GAP:
            run.append(i)
        else:
            if len(run) >= _MIN_NUMBERED:
                for k in (*run, *subs):
                    listed[k] = k
            run = [i]
            subs = []
        expect = number + 1
    if len(run) >= _MIN_NUMBERED:
        for k in (*run, *subs):
            listed[k] = k


# a bare step number on a line of its own: "1.", "2)" (matched on the stripped line:
# a pattern opening with \s* would rescan runs of spaces)
_STEP = re.compile(r"(\d{1,3})[.)]")


def _numbered_steps(lines: list[_Line], next_of: dict[int, int]) -> list[int]:
    """The lines of numbered steps: a bare number ("1.", "2.") with a paragraph under it.

    A recipe's or a guide's steps flattened to text put each number on a line
    of its own and the step's text in the paragraph under it. At least
    ``_MIN_STEPS`` such steps numbered one after the other (the next number
    is the first line after the paragraph) are the article's own text: the
    numbers and paragraphs are returned, in page order.
    """
    found: list[int] = []
    run: list[int] = []
    expect = -1
    for i, ln in enumerate(lines):
        if ln.blank or ln.key:
            continue
        m = _STEP.fullmatch(ln.text.strip())
        n = next_of.get(i)
        if m is None or n is None or not lines[n].good or lines[n].reason is not None:
            continue
        number = int(m.group(1))
        if not (run and number == expect and next_of.get(run[-1]) == i):
            if len(run) >= 2 * _MIN_STEPS:
                found.extend(run)
            run = []
        run.extend((i, n))
        expect = number + 1
    if len(run) >= 2 * _MIN_STEPS:
        found.extend(run)
    return found


# a field of a data table: a label of one to four words, a colon, a short value
# ("Gewicht: 3 kg"; "Thema: Ein langer Titel einer Meldung" is a teaser with its kicker)
_FIELD = regex.compile(
    r"\p{L}[\p{L}\p{N}+&/().-]*+(?: [\p{L}\p{N}+&/().-]++){0,3}:(?:\s++\S++){0,4}\s*+$"
)


def _field_tables(lines: list[_Line], listed: list[int]) -> None:
    """Mark the rows of data tables ("Label: value", one row a line) as list lines.

    A spec table, a recipe's facts or a product's details flattened to text
    is a run of at least ``_MIN_FIELDS`` such rows (blank lines between them
    aside), each short and without boilerplate evidence of its own, that
    make up at least half of the blocks (lines between blank lines) they
    stand in: the article's data, wherever it stands. A row with a phrase
    of its own ("Kategorie: …", "Foto: …") breaks the run; a menu with a
    few "Serie: Titel" entries among its links is no table.
    """
    field = [False] * len(lines)
    block = [-1] * len(lines)  # the first line of the block of each line
    size: dict[int, int] = {}
    rows: dict[int, int] = {}
    first = -1
    for i, ln in enumerate(lines):
        if ln.blank:
            first = -1
            continue
        if first < 0:
            first = i
        block[i] = first
        size[first] = size.get(first, 0) + 1
        if (
            (ln.reason is None or ln.reason in _WEAK_EVIDENCE)
            and ln.category is None
            and ln.units <= _FIELD_UNITS
            and _FIELD.match(ln.text.lstrip()) is not None
        ):
            field[i] = True
            rows[first] = rows.get(first, 0) + 1
    run: list[int] = []
    for i in [*range(len(lines)), -1]:
        if i >= 0 and (lines[i].blank or field[i]):
            if field[i]:
                run.append(i)
            continue
        if len(run) >= _MIN_FIELDS:
            starts = {block[k] for k in run}
            if 2 * sum(rows[b] for b in starts) >= sum(size[b] for b in starts):
                for k in run:
                    if listed[k] < 0:
                        listed[k] = k
        run = []


# a quantity that opens a line: "200", "1,5", "1/2", "½", "1½", "2-3", "15 – 30", then a space
# (matched at the start of the stripped line; every repetition is bounded)
_QUANTITY = regex.compile(
    r"(?:\d{1,4}(?:[.,/]\d{1,3})?[½¼¾⅓⅔⅛]?|[½¼¾⅓⅔⅛])(?: ?[-–] ?\d{1,4}(?:[.,]\d{1,3})?)? "
)


def _quantity(stripped: str, units: frozenset[str]) -> int:
    """0: *stripped* opens with no quantity; 1: a quantity and a word ("6 Eier");
    2: a quantity and a unit of measure ("200 g Mehl", "2 EL Zucker", "15 Min.")."""
    m = _QUANTITY.match(stripped)
    if m is None:
        return 0
    rest = stripped[m.end() :].split(None, 1)
    if not rest or not rest[0][:1].isalpha():
        return 0
    return 2 if rest[0].rstrip(".").casefold() in units else 1


def _ingredient_lists(lines: list[_Line], units: frozenset[str], listed: list[int]) -> list[int]:
    """The lines of ingredient lists and tables of quantities, marked as list lines.

    A recipe's ingredients ("200 g Mehl", "2 EL Zucker", "3 Eier") flattened
    to text are short lines that each open with a quantity: alone, each looks
    like a menu link. At least ``_MIN_INGREDIENTS`` such lines in a row (blank
    lines between them aside) of at most ``_INGREDIENT_WORDS`` words, at least
    half of them with a unit of measure after the quantity (``bp_units.txt``:
    a run of "3 Kommentare", "5 Likes" has none), and none with a phrase or
    other evidence of its own, are the article's data. A short label line
    between two quantity lines ("15 Min.", "Backzeit", "30 Min."; "135 g",
    "Butter", "150 g") belongs to the list, and so does a bare count inside
    it ("4" over "Eier"), which is no counter. Returned in page order.
    """
    found: list[int] = []
    run: list[int] = []
    measured = labels = 0
    label = -1  # a label line after the last quantity line of the run, waiting for the next
    for i in [*range(len(lines)), -1]:
        ln = lines[i] if i >= 0 else None
        if ln is not None and ln.blank:
            continue
        kind = 0
        plain = (
            ln is not None
            and ln.reason is None
            and ln.category is None
            and ln.units <= _INGREDIENT_WORDS
        )
        if ln is not None and plain:
            kind = _quantity(ln.text.strip(), units)
        elif ln is not None and run and ln.reason == "counter" and ln.text.strip().isdigit():
            kind = 1  # "4" over "Eier (Größe M)": a count inside the list is no counter
        if kind:
            if label >= 0:
                run.append(label)
                labels += 1
                label = -1
            run.append(i)
            measured += kind == 2
            continue
        if (
            ln is not None
            and plain
            and run
            and label < 0
            and ln.units <= _QUANTITY_LABEL_WORDS
            and not ln.end_punct
        ):
            # "Backzeit" between "15 Min." and "30 Min.": a label of the next quantity
            label = i
            continue
        quantities = len(run) - labels
        if quantities >= _MIN_INGREDIENTS and 2 * measured >= quantities:
            found.extend(run)
        run = []
        measured = labels = 0
        label = -1
    for k in found:
        if lines[k].reason == "counter":
            lines[k].reason = None
        if listed[k] < 0:
            listed[k] = k
    return found


def _run_evidence(
    lines: list[_Line], run: list[int], prev_of: dict[int, int], next_of: dict[int, int]
) -> bool:
    """A short run of link-like lines is a menu when boilerplate stands right next to it."""
    p, n = prev_of.get(run[0]), next_of.get(run[-1])
    return (p is not None and lines[p].reason is not None) or (
        n is not None and lines[n].reason is not None
    )


def _beside_prose(
    lines: list[_Line], i: int, prev_of: dict[int, int], next_of: dict[int, int]
) -> bool:
    """A subheading or list line next to a prose line, not part of a run of link-like lines."""
    if _in_link_run(lines, i, len(lines)):
        return False
    p, n = prev_of.get(i), next_of.get(i)
    return (p is not None and lines[p].good and lines[p].reason is None) or (
        n is not None and lines[n].good and lines[n].reason is None
    )


def _smiley_under_text(lines: list[_Line], i: int, prev_of: dict[int, int]) -> bool:
    """An emoticon alone on its line right under a sentence that stays: the author's own."""
    p = prev_of.get(i)
    return (
        not lines[i].key
        and p is not None
        and lines[p].reason is None
        and lines[p].end_punct
        and _EMOTICON.match(lines[i].text.strip()) is not None
    )


def _teaser_context(
    lines: list[_Line], i: int, prev_of: dict[int, int], next_of: dict[int, int]
) -> bool:
    """A prose line between boilerplate lines: a teaser summary or a site blurb."""
    p, n = prev_of.get(i), next_of.get(i)
    bad_p = p is None or lines[p].reason is not None or lines[p].linky
    bad_n = n is None or lines[n].reason is not None or lines[n].linky
    return bad_p and bad_n


def _kicker(stripped: str) -> str | None:
    """The kicker a teaser line opens with ("12.03.2021 - ", "Fußball - "), or None."""
    m = _KICKER.match(stripped)
    if m is None:
        return None
    return "<date>" if m.group(1) is not None else m.group(0)[:-3].casefold()


def _kicker_run(lines: list[_Line], j: int) -> tuple[list[int], int]:
    """The lines of a teaser list from *j* on: glued lines that all open with a kicker.

    At least _MIN_KICKERS lines without a blank line between them, each opening
    with a date or a short label before a dash ("Sport - Fußball - …"), and the
    same kicker (or a date) at least twice: a list of other articles, not
    paragraphs that open with a dateline. Empty when the lines are no such list;
    the second value is the index after the last line read.
    """
    run: list[int] = []
    seen: set[str] = set()
    repeated = False
    while j < len(lines) and not lines[j].blank:
        kicker = _kicker(lines[j].text.strip())
        if kicker is None:
            break
        repeated = repeated or kicker in seen
        seen.add(kicker)
        run.append(j)
        j += 1
    return (run if len(run) >= _MIN_KICKERS and repeated else []), j


def _repeated_block(
    lines: list[_Line], content: list[int], body_start: int, copy_at: dict[str, int]
) -> set[int]:
    """The lines above the body that stand again after it as a block, in the same order.

    *copy_at* maps a line key to its first copy after the body. A block of at least
    _MIN_REPEATED_TEASERS lines in a row, each copied at most _COPY_GAP lines after
    the copy of the line before, ending right above the body: a teaser list the page
    repeats, not a headline.
    """
    found: set[int] = set()
    block: list[int] = []
    last = -1
    for i in [*content, -1]:
        at = copy_at.get(lines[i].key, -1) if 0 <= i < body_start else -1
        if block and not (last < at <= last + _COPY_GAP):
            if len(block) >= _MIN_REPEATED_TEASERS:
                found.update(block)
            block = []
        if i >= body_start or i < 0:
            break
        if at >= 0:
            block.append(i)
            last = at
    return found


def _is_bio(lines: list[_Line], i: int, next_of: dict[int, int]) -> bool:
    """A name line and a bio under it that starts with the name ('Jane Doe' / 'Jane Doe is …')."""
    ln = lines[i]
    if not 2 <= ln.words <= 4 or ln.end_punct or ln.good:
        return False
    name = ln.text.strip()
    if not all(w[:1].isupper() for w in name.split()):
        return False
    nxt = next_of.get(i)
    if nxt is None or lines[nxt].reason is not None or not lines[nxt].good:
        return False
    bio = lines[nxt].text.strip()
    return bio.startswith(name + " ") and bio[len(name) + 1 : len(name) + 2].islower()


def _closing_bio(
    lines: list[_Line],
    body_start: int,
    body_end: int,
    prev_of: dict[int, int],
    stopwords: frozenset[str],
) -> list[int]:
    """An author box that closes the body: a name line, a role line or none, one or two
    bio paragraphs, and nothing after them in the body (or [] if there is none).

    The name (two to four capitalised words of letters, no function word)
    must also stand elsewhere on the page, once to three times (a byline,
    "Jane Doe says:" over a comment), so that a closing subheading and its
    paragraph stay; and most of the body's prose lies before the box.
    """
    last = body_end - 1
    while last >= body_start and lines[last].blank:
        last -= 1
    bio: list[int] = []
    i: int | None = last
    while i is not None and i >= body_start and len(bio) < 2:
        ln = lines[i]
        if not ln.good or ln.reason is not None or ln.units > 80:
            break
        bio.append(i)
        i = prev_of.get(i)
    box = list(bio)
    for _ in range(2):
        if not bio or i is None or i < body_start:
            return []
        ln = lines[i]
        if _is_name(ln, stopwords):
            box.append(i)
            break
        if ln.good or ln.end_punct or ln.units > 8 or ln.category is not None:
            return []
        if _DIGIT.search(ln.text):
            return []
        box.append(i)  # a role line between the name and the bio
        i = prev_of.get(i)
    else:
        return []
    name_line = box[-1]
    name = lines[name_line].key
    seen = sum(1 for ln in lines if not ln.blank and name in ln.key) - 1
    if not 1 <= seen <= 3:
        return []
    prose = _prose(lines, body_start, name_line)
    boxed = sum(lines[k].weight for k in bio)
    return box if prose >= _CUT_PROSE and prose >= 2 * boxed else []


def _name_led_bios(
    lines: list[_Line],
    content: list[int],
    prev_of: dict[int, int],
    next_of: dict[int, int],
    stopwords: frozenset[str],
) -> list[int]:
    """Short bios that open with the author's name and a lower-case word ("Erika Muster
    lehrt …", "Jane Doe is a …"), where the name stands alone on two lines of the page
    (a byline and an author box), and the bio either sits under its name line and stands
    twice on the page (the box shown above and under the article) or stands next to an
    author-box heading ("Alle Beiträge von"). Returns the bio and name lines.
    """
    count: dict[str, int] = {}
    names: set[str] = set()
    for i in content:
        ln = lines[i]
        count[ln.key] = count.get(ln.key, 0) + 1
        if _is_name(ln, stopwords):
            names.add(ln.key)
    names = {k for k in names if count[k] >= 2}
    found: list[int] = []
    if not names:
        return found
    for i in content:
        ln = lines[i]
        if ln.reason is not None or not ln.good or ln.units > _MAX_BIO_UNITS:
            continue
        words = ln.text.split(maxsplit=5)
        name = ""
        for n in range(2, min(5, len(words))):
            lead = _key(" ".join(words[:n]))
            if lead in names and words[n][:1].islower():
                name = lead
                break
        if not name:
            continue
        prev, nxt = prev_of.get(i), next_of.get(i)
        if prev is not None and lines[prev].key == name and count[ln.key] >= 2:
            found.append(i)
            found.append(prev)
        elif any(k is not None and lines[k].category == "about" for k in (prev, nxt)):
            found.append(i)
    return found


def _byline_name_boxes(
    lines: list[_Line],
    content: list[int],
    body_start: int,
    next_of: dict[int, int],
    stopwords: frozenset[str],
) -> list[int]:
    """Author boxes under the article: a name line (one to three capitalised words) that
    opens a line of furniture elsewhere on the page (the byline "Erika · 3. Mai 2021",
    the author's reply "Erika sagt:"), one to three short lines under it, and furniture
    (or the page's end) right after them; most of the prose lies before the box.
    Returns the name and bio lines.
    """
    opened: set[str] = set()
    for i in content:
        ln = lines[i]
        if ln.reason not in _NAMED_FURNITURE:
            continue
        # (the name and more: a menu entry that is the name alone names a section)
        words = ln.key.split(maxsplit=3)
        for n in range(1, min(4, len(words))):
            opened.add(" ".join(words[:n]))
    found: list[int] = []
    for i in content:
        ln = lines[i]
        if i <= body_start or ln.reason is not None or ln.key not in opened:
            continue
        if ln.good or ln.end_punct or ln.words > 3:
            continue
        if not all(
            w[:1].isupper() and w[1:].isalpha() and w.casefold() not in stopwords
            for w in ln.text.split()
        ):
            continue
        bio: list[int] = []
        j = next_of.get(i)
        while j is not None and len(bio) < _MAX_BIO and lines[j].reason is None:
            if lines[j].units > _MAX_BIO_UNITS:
                break
            bio.append(j)
            j = next_of.get(j)
        if not bio or (j is not None and lines[j].reason is None):
            continue
        if not any(lines[k].good or lines[k].end_punct for k in bio):
            continue
        prose = _prose(lines, body_start, i)
        if prose >= _CUT_PROSE and prose >= 2 * sum(lines[k].weight for k in bio):
            found.append(i)
            found.extend(bio)
    return found


def _is_name(ln: _Line, stopwords: frozenset[str]) -> bool:
    """Two to four capitalised words of letters, none of them a function word: 'Erika Muster'."""
    if ln.good or ln.end_punct or not 2 <= ln.words <= 4:
        return False
    for w in ln.text.split():
        if not (w[:1].isupper() and w[1:2].islower()) or w.casefold() in stopwords:
            return False
        if not w.replace("-", "").replace(".", "").isalpha():
            return False
    return True


def _credit_at(raw: str, key: str, lex: _Lexicon) -> int:
    """Where a picture credit at the end of the line *raw* starts (offset in it), or -1.

    Either a credit word and its credit ("Foto: Max Muster/dpa", "(Bild: Getty
    Images)", "© Reuters") or a known agency after a slash, bar or © ("… /
    Shutterstock"); the white space before the credit goes with it.
    """
    if lex.credit is not None:
        probe = raw[-160:]
        if lex.credit_probe is not None and lex.credit_probe.search(probe.casefold()):
            m = lex.credit.search(probe)
            if m is not None:
                return len(raw) - len(probe) + m.start()
    if not lex.agencies:
        return -1
    if key in lex.agencies:
        return 0
    probe = raw[-80:].rstrip()
    k = max(probe.rfind("/"), probe.rfind("|"), probe.rfind("©"))
    if k < 0 or _key(probe[k + 1 :]) not in lex.agencies:
        return -1
    if probe.rfind("(", 0, k) > probe.rfind(")", 0, k):
        # the slash joins agencies inside brackets: "(APA/dpa, 8.8.2015)" is the
        # source of the text, not a picture credit glued to a caption; a cut at the
        # slash would leave "(APA" behind
        return -1
    while k > 0 and probe[k - 1].isspace():
        k -= 1
    return len(raw.rstrip()) - len(probe) + k


def _is_credit_line(stripped: str, lex: _Lexicon) -> bool:
    """'Foto: Max Muster/dpa', '© 2024 Daily News': a credit word, then names and sources.

    A credit names people and sources after "Foto:"; a headline that opens with
    the word goes on as a sentence ("Fotos: Nach dem Sturm räumt die Stadt auf",
    "Fotos: Gemeinde weiht nach langer Bauzeit die Brücke ein"): five words or
    more after the colon, no slash between sources, and led by a function word
    or holding three of them. A copyright line ("© 2024 The Daily News") is
    always a credit line.
    """
    if lex.credit_line is None:
        return False
    m = lex.credit_line.match(stripped)
    if m is None:
        return False
    rest = stripped[m.end() :]
    words = rest.casefold().split()
    if len(words) < 5 or not m.group().rstrip().endswith(":") or "/" in rest:
        return True
    function = [w in lex.stopwords and w not in _CONNECTORS for w in words]
    return not function[0] and sum(function) < 3


def _is_signoff(ln: _Line, lex: _Lexicon) -> bool:
    """'Euer Max', 'Liebe Grüße, Anna', 'XX, Die Redaktion': a short sign-off (see bp_signoff.txt).

    At most ``_SIGNOFF_WORDS`` words, no sentence end but "!", opened or
    closed by the words of a sign-off (a whole word group, not a word's start).
    """
    if ln.words > _SIGNOFF_WORDS or ln.good or ln.text.rstrip()[-1] in ".?:":
        return False
    words = ln.key.split()
    for n in (1, 2, 3, 4):
        if n > len(words):
            break
        if " ".join(words[:n]) in lex.signoff_open and n < len(words):
            return True
        if " ".join(words[-n:]) in lex.signoff_close:
            return True
    return False


def _signs_off(lines: list[_Line], i: int, prev_of: dict[int, int], lex: _Lexicon) -> bool:
    """A sign-off right under a line that ends a sentence (not under "Unser Angebot:")."""
    p = prev_of.get(i)
    return (
        p is not None
        and lines[p].reason is None
        and lines[p].text.rstrip()[-1] in _SENTENCE_END
        and _is_signoff(lines[i], lex)
    )


#: A licence note after the article that does not open with its phrase has at most this many words.
_MAX_LICENCE = 40
#: A filing note has at most this many words.
_MAX_NOTE = 80


def _filing_note(ln: _Line, lex: _Lexicon) -> bool:
    """A post's filing note: a date/meta opening, a date and a filing phrase.

    "Erstellt am 6. Mai 2014 um 23:30 und abgelegt unter Linux, Tutorials",
    "This entry was posted on May 6, 2014 and is filed under News." — a
    WordPress theme writes it under the post, often with the comment feed
    notes glued to it, so the line is long. The opening is a prefix of
    ``bp_meta.txt``, the filing phrase one of ``bp_filed.txt``.
    """
    if lex.filed is None or ln.units > _MAX_NOTE or not ln.text.lstrip()[:1].isalnum():
        return False
    parts = ln.key.split()
    for n in range(min(len(parts), lex.max_prefix_words), 0, -1):
        if lex.prefixes.get(" ".join(parts[:n])) == "meta":
            # (the filing phrase comes after the opening: "Veröffentlicht in der
            # Zeitschrift … am 3. Mai" is the article's sentence)
            rest = " " + " ".join(parts[n:])
            return lex.filed.search(rest) is not None and _DATE.search(ln.text) is not None
    return False


#: A section label ("Weiterlesen:", "Teilnehmende Blogs:") has at most this many words.
_LABEL_WORDS = 3


def _section_labels(
    lines: list[_Line],
    content: list[int],
    body_end: int,
    next_of: dict[int, int],
    labels: frozenset[str],
) -> None:
    """Mark the section labels that head no article text as "section label".

    A label of ``bp_label.txt`` ("Originalpublikation", "Weiterlesen:") goes
    wherever it stands unless two paragraphs of prose follow it (then it
    heads a section of the article). After the body, a line of one to three
    words ending in a colon ("Von:", "Teilnehmende Blogs:") goes when the
    line it introduces has gone (or there is none): an orphan label.
    """
    for i in content:
        ln = lines[i]
        if ln.reason is not None or ln.words > _LABEL_WORDS + 1:
            continue
        j = next_of.get(i)
        if ln.key in labels:
            k = next_of.get(j) if j is not None else None
            prose = (
                j is not None
                and k is not None
                and all(lines[x].good and lines[x].reason is None for x in (j, k))
            )
            if not prose:
                ln.reason = "section label"
        elif (
            i >= body_end
            and ln.words <= _LABEL_WORDS
            and ln.text.rstrip().endswith(":")
            and (j is None or lines[j].reason is not None)
        ):
            ln.reason = "section label"


def _post_link(stripped: str, units: int) -> bool:
    """'← Previous post title', 'Next post title →': links to the neighbouring posts."""
    return units <= 20 and (
        stripped[0] in _ARROWS or stripped[-1] in _ARROWS or stripped.startswith(">>")
    )


# ---------------------------------------------------------------------------
# public API


def find_boilerplate(
    text: str,
    *,
    lang: str | None = None,
    level: str = "balanced",
    keep_headline: bool = True,
    keep_captions: bool = True,
) -> list[Removal]:
    """Report the boilerplate lines (and glued credit tails) of *text*, sorted by position.

    ``lang`` picks the phrase data (``None``: detected; region variants such
    as ``"de-CH"`` use ``de``; an unsupported code gets the
    language-independent evidence only). ``level`` is ``"conservative"``,
    ``"balanced"`` or ``"aggressive"``. ``keep_headline=False`` also removes
    the headline block above the article (every line there that is not
    prose); ``keep_captions=False`` removes whole caption lines that carry a
    picture credit instead of just cutting the credit.

    >>> [(r.line, r.reason) for r in find_boilerplate("Startseite\\n\\nEin Satz.", lang="de")]
    [(1, 'navigation')]
    """
    ensure_str(text, "find_boilerplate")
    return _run(text, lang, level, keep_headline, keep_captions, "find_boilerplate")[0]


def _run(
    text: str,
    lang: str | None,
    level: str,
    keep_headline: bool,
    keep_captions: bool,
    func: str,
) -> tuple[list[Removal], str]:
    """The removals of :func:`find_boilerplate` and the text without them."""
    check_choice(level, LEVELS, "level", func)
    code = _resolve_lang(text, lang, func) if lang is not None else None
    if not text or text.isspace():
        return [], text
    removals, out = _find_stable(
        text, code, lang is None, level, bool(keep_headline), bool(keep_captions)
    )
    if out is None:
        out = _apply(text, removals)[0] if removals else text
    return removals, out


def strip_boilerplate(
    text: str,
    *,
    lang: str | None = None,
    level: str = "balanced",
    keep_headline: bool = True,
    keep_captions: bool = True,
) -> str:
    """Remove page boilerplate from *text*; the options are those of :func:`find_boilerplate`.

    Clean article text comes back unchanged.

    >>> strip_boilerplate("Teilen\\nDer Bürgermeister stellte am Montag den Haushalt vor.")
    'Der Bürgermeister stellte am Montag den Haushalt vor.'
    """
    ensure_str(text, "strip_boilerplate")
    return _run(text, lang, level, keep_headline, keep_captions, "strip_boilerplate")[1]


def apply_removals(text: str, removals: Sequence[Removal]) -> str:
    """Cut *removals* (from :func:`find_boilerplate` on *text*) out of *text*.

    A removed line goes with its line break; runs of blank lines left behind
    collapse to one, and leading and trailing blank lines go. Without
    removals the text is returned unchanged.

    >>> text = "Menü\\nDer Satz bleibt."
    >>> apply_removals(text, find_boilerplate(text, lang="de"))
    'Der Satz bleibt.'
    """
    ensure_str(text, "apply_removals")
    if not removals:
        return text
    return _apply(text, removals)[0]


def _apply(text: str, removals: Sequence[Removal]) -> tuple[str, list[tuple[int, int, int, int]]]:
    """apply_removals, plus where each kept line came from.

    The second value lists, for every line of the output, (output offset,
    source offset, content length, source line number).
    """
    cuts = sorted((r.start, r.end, r.kind) for r in removals)
    spans = _split(text)
    pieces: list[tuple[int, int, int, int]] = []  # (start, content end, break end, number)
    k = 0
    for number, (start, end, nxt) in enumerate(spans, 1):
        while k < len(cuts) and cuts[k][1] < start:
            k += 1
        # removals that touch this line
        j = k
        drop = False
        tail_cut = end
        while j < len(cuts) and cuts[j][0] <= end:
            c_start, c_end, kind = cuts[j]
            if c_end >= start:
                if kind == "line" or (c_start <= start and c_end >= end):
                    drop = True
                elif c_start >= start:
                    tail_cut = min(tail_cut, c_start)
            j += 1
        if not drop:
            pieces.append((start, tail_cut, nxt if tail_cut == end else -1, number))
    out: list[str] = []
    where: list[tuple[int, int, int, int]] = []
    pos = 0
    prev_blank = True  # drops leading blank lines
    for start, content_end, break_end, number in pieces:
        content = text[start:content_end]
        blank = not content.strip()
        if blank and prev_blank:
            continue
        # a cut tail takes no line break with it: the line keeps its own
        brk = (
            text[spans[number - 1][1] : spans[number - 1][2]]
            if break_end < 0
            else text[content_end:break_end]
        )
        out.append(content)
        out.append(brk)
        where.append((pos, start, len(content), number))
        pos += len(content) + len(brk)
        prev_blank = blank
    # drop trailing blank lines and give the last line the text's own ending
    while len(out) >= 2 and not out[-2].strip():
        del out[-2:]
        where.pop()
    if out:
        out[-1] = text[spans[-1][1] : spans[-1][2]]
    return "".join(out), where


# ---------------------------------------------------------------------------
# the engine


# a phone number ("+39 389 1976362", "0471 80 60 745") and an e-mail address; bounded
# repeats keep the search linear from every position
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}|0\d{1,5})(?:[ /().-]{0,2}\d){5,15}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.[^\W\d_]{2,12}\b")
#: A contact row has at most this many words.
_CONTACT_UNITS = 16


def _contact_row(ln: _Line) -> bool:
    """A short line with a phone number and an e-mail address and no sentence end.

    ("Gasthaus Muster +49 30 1234567 info@example.org"): the address block of a
    page footer; a sentence that gives both ("Auskunft unter Tel. … oder …@….de.")
    ends like one and stays.
    """
    return (
        ln.units <= _CONTACT_UNITS
        and ln.text.rstrip()[-1:] not in _SENTENCE_END
        and "@" in ln.text
        and _EMAIL.search(ln.text) is not None
        and _PHONE.search(ln.text) is not None
    )


def _find_stable(
    text: str,
    lang: str | None,
    detect: bool,
    level: str,
    keep_headline: bool,
    keep_captions: bool,
) -> tuple[list[Removal], str | None]:
    """The removals of :func:`_find`, repeated on its own output until nothing more goes.

    Removing a menu can leave a line without the neighbours that kept it; a
    second look at the stripped text settles that, so that stripping twice
    changes nothing (the second pass runs on the short, stripped text). With
    *detect*, every pass detects the language of the text it looks at, so the
    result is also stable when the stripped text reads as another language.
    The second value is the text without the removals when a pass has made
    it already (None otherwise).
    """
    memos: dict[str | None, dict[str, _Features]] = {}
    code = _resolve_lang(text, None, "find_boilerplate") if detect else lang
    removals = _find(text, code, level, keep_headline, keep_captions, memos.setdefault(code, {}))
    spans: list[tuple[int, int, int]] | None = None
    for _ in range(_MAX_PASSES):
        if not removals:
            return removals, text
        out, where = _apply(text, removals)
        if detect:
            code = _resolve_lang(out, None, "find_boilerplate")
        more = _find(out, code, level, keep_headline, keep_captions, memos.setdefault(code, {}))
        if not more:
            return removals, out
        if spans is None:
            spans = _split(text)
        by_line = {r.line: r for r in removals}
        starts = [w[0] for w in where]
        for r in more:
            out_pos, src_start, _length, number = where[bisect_right(starts, r.start) - 1]
            line_start, line_end, _next = spans[number - 1]
            if r.kind == "line":
                by_line[number] = Removal(
                    line_start, line_end, text[line_start:line_end], number, r.reason, "line"
                )
            else:
                cut = src_start + (r.start - out_pos)
                old = by_line.get(number)
                if old is not None and old.kind == "tail":
                    cut = min(cut, old.start)
                by_line[number] = Removal(
                    cut, line_end, text[cut:line_end], number, r.reason, "tail"
                )
        removals = [by_line[n] for n in sorted(by_line)]
    return removals, None


def _legal_rows(lines: list[_Line], lex: _Lexicon) -> None:
    """A link row that names a legal page ("Impressum | Datenschutz | AGB") is a footer link.

    Such a row marks the page footer as a lone "Impressum" line does: the
    article does not go on across it (a site's "about" paragraph under the
    footer links is not joined to the body).
    """
    for ln in lines:
        if ln.blank or not ln.nav or ln.category is not None or ln.good:
            continue
        cells = (_key(p) for p in _ROW_SPLIT.split(ln.text))
        if any(lex.whole.get(c) == "legal" for c in cells if c):
            ln.category = "legal"
            ln.weight = _MARKER_WEIGHT


def _find(
    text: str,
    lang: str | None,
    level: str,
    keep_headline: bool,
    keep_captions: bool,
    memo: dict[str, _Features],
) -> list[Removal]:
    lex = _lexicon(lang)
    lines = _analyse(text, lex, memo)
    _legal_rows(lines, lex)
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    if not content:
        return []
    aggressive = level == "aggressive"
    conservative = level == "conservative"

    body_start, body_end = _body(lines, content, lex.disclaimer)
    has_body = body_start < len(lines) and not _slight_body(lines, content, body_start, body_end)
    if not has_body:
        # no run of prose (a short note, a list): only line evidence removes anything
        body_start, body_end = 0, len(lines)
    in_body = [body_start <= i < body_end for i in range(len(lines))]

    prev_of: dict[int, int] = {}
    next_of: dict[int, int] = {}
    for a, b in pairwise(content):
        next_of[a] = b
        prev_of[b] = a

    def boilerish(i: int | None) -> bool:
        if i is None:
            return True
        ln = lines[i]
        return ln.category is not None or ln.linky or ln.reason is not None

    # -- 1. line evidence that holds anywhere
    for i in content:
        ln = lines[i]
        if not ln.key:
            ln.reason = ln.late
            continue
        if ln.category is not None:
            # navigation words inside the body need a boilerplate neighbour
            strong = ln.category in _STRONG or not in_body[i]
            if strong or boilerish(prev_of.get(i)) or boilerish(next_of.get(i)):
                ln.reason = _CATEGORIES[ln.category]
            continue
        if ln.nav:
            ln.reason = "navigation"
            continue
        if ln.notice >= (2 if in_body[i] and not conservative else 1):
            ln.reason = "cookie/javascript notice"
            continue
        if ln.promo >= (2 if in_body[i] or conservative else 1):
            ln.reason = "subscription prompt"
            continue
        if ln.late is not None:
            ln.reason = ln.late

    # -- 1a. after the article, a contact row: a phone number and an e-mail address on a short line
    if has_body:
        for i in content:
            if i >= body_end and lines[i].reason is None and _contact_row(lines[i]):
                lines[i].reason = "contact row"

    # -- 2. credits glued to the end of a line (a caption keeps its text)
    for i in content:
        ln = lines[i]
        if ln.reason is not None or ln.units > 80:
            continue
        if ln.credit < 0:
            continue
        cut = ln.start + ln.credit
        if not ln.text[: cut - ln.start].strip():
            ln.reason = "credit"
        elif keep_captions:
            ln.tail = cut
        else:
            ln.reason = "caption"

    # -- 3. repeated lines: the first copy stays
    # (but a line that stands under a notice inside the body each time is the text
    # of an embed placeholder, which every embedded post repeats: that goes too)
    under_notice: set[int] = set()
    since_notice = _EMBED_SPAN + 1
    for i in content:
        since_notice += 1
        if lines[i].reason == "cookie/javascript notice":
            since_notice = 0
        elif since_notice <= _EMBED_SPAN and in_body[i]:
            under_notice.add(i)
    seen: dict[str, int] = {}
    units = lex.units
    for i in content:
        ln = lines[i]
        if ln.reason is not None or not ln.key:
            continue
        # (a quantity with its unit, "25 Min." or "150 g", repeats only with the same numbers)
        key = ln.key if _quantity(ln.text.strip(), units) < 2 else " ".join(ln.text.split())
        first = seen.get(key)
        if first is None:
            seen[key] = i
            continue
        if ln.cell:
            continue  # a table repeats its header and its values
        if i in under_notice and first in under_notice:
            ln.reason = "repeated line"
            if lines[first].reason is None:
                lines[first].reason = "cookie/javascript notice"
        elif not in_body[i] or not in_body[first] or ln.units >= 4:
            near_body = body_start - 8 <= i <= body_start + 8
            ln.reason = "duplicate headline" if near_body and not ln.good else "repeated line"
    # a near repeat: the headline with the site name ("Titel | Zeitung", "Titel - Zeitung")
    for i in content:
        ln = lines[i]
        if ln.reason is not None or ln.good or ln.units > 30:
            continue
        m = _TITLE_SUFFIX.search(ln.text)
        if m is None:
            continue
        title = _key(ln.text[: m.start()])
        other = seen.get(title) if title.count(" ") >= 1 else None
        if other is not None and other != i and lines[other].reason is None:
            ln.reason = "page title"

    # -- 4. teaser blocks: a teaser heading and the short lines under it
    for i in content:
        ln = lines[i]
        if ln.category != "related" or ln.reason is None:
            continue
        j = next_of.get(i)
        taken = 0
        while j is not None and taken < 12:
            nxt = lines[j]
            after = next_of.get(j)
            if nxt.good and (
                in_body[j] or conservative or (after is not None and lines[after].good)
            ):
                # the article (or a run of paragraphs) goes on: not a teaser
                break
            if nxt.reason is None:
                nxt.reason = "teaser block"
            taken += 1
            j = next_of.get(j)

    # -- 4a. a list of teasers under a teaser heading or a menu line: each line opens with
    # a kicker ("02.11.2021 - Formel 1 - …", "Fußball - Bundesliga …"), however long it is
    scanned = 0  # lines before this index were read as part of a kicker list already
    for i in content:
        if lines[i].reason not in ("teaser heading", "navigation"):
            continue
        j = next_of.get(i)
        if j is None or j < scanned or lines[j].reason is not None:
            # (the rest of a list read before is no list when the whole was none)
            continue
        kicked, scanned = _kicker_run(lines, j)
        for k in kicked:
            if lines[k].reason is None:
                lines[k].reason = "teaser block"

    # -- 4b. author boxes outside the body: the heading and the bio under it
    if has_body:
        for i in _closing_bio(lines, body_start, body_end, prev_of, lex.stopwords):
            if lines[i].reason is None or lines[i].reason in _WEAK_EVIDENCE:
                lines[i].reason = "author box"
        for i in content:
            ln = lines[i]
            if ln.category != "about" or ln.reason is None or in_body[i]:
                continue
            j = next_of.get(i)
            taken = 0
            while j is not None and taken < _MAX_BIO and not in_body[j]:
                if lines[j].reason is None:
                    lines[j].reason = "author box"
                taken += 1
                j = next_of.get(j)
        for i in _name_led_bios(lines, content, prev_of, next_of, lex.stopwords):
            if lines[i].reason is None:
                lines[i].reason = "author box"
        for i in content:
            ln = lines[i]
            if ln.reason is None and not in_body[i] and _is_bio(lines, i, next_of):
                ln.reason = "author box"
                bio = next_of[i]
                if lines[bio].reason is None:
                    lines[bio].reason = "author box"

    # -- 4c. outside the body, the text lines glued under an ad label ("Anzeige") are the ad
    # (not the links of a menu that has an "Anzeigen" entry)
    if has_body and not conservative:
        for i in content:
            if lines[i].reason != "ad label" or in_body[i] or (i > 0 and not lines[i - 1].blank):
                # (a label inside a menu row is one more link: only a label that opens its block)
                continue
            j = i + 1
            while (
                j < len(lines)
                and not lines[j].blank
                and not lines[j].linky
                and not in_body[j]
                and j - i <= _MAX_AD
            ):
                if lines[j].reason is None:
                    lines[j].reason = "ad"
                j += 1

    # lines of a list that a line ending in a colon announces ("Die Termine:")
    listed = _announced_lists(lines)
    # numbered steps: the article's own, wherever they stand (a number is no counter there)
    steps = set(_numbered_steps(lines, next_of))
    for k in steps:
        if lines[k].reason == "counter":
            lines[k].reason = None
        listed[k] = k
    # ingredient lists: the article's data, wherever they stand (they resume it like steps)
    steps.update(_ingredient_lists(lines, units, listed))

    # -- 5. before the body: keep the headline zone, drop the page header
    head: list[int] = []
    j = prev_of.get(body_start)
    while j is not None and len(head) < 6:
        ln = lines[j]
        if ln.reason is not None:
            if ln.reason not in _HEAD_FURNITURE:
                break
        elif ln.linky and _in_link_run(lines, j, body_start):
            break
        else:
            head.append(j)
        j = prev_of.get(j)
    if has_body and body_end < len(lines) and head:
        # teasers in the headline zone that the page repeats under the article ("more of
        # this series"): a block of lines above the body that stands again, in the same
        # order, after it is no headline
        copy_at: dict[str, int] = {}
        for i in content:
            if i >= body_end and lines[i].key:
                copy_at.setdefault(lines[i].key, i)
        block = _repeated_block(lines, content, body_start, copy_at)
        teasers = [j for j in head if j in block]
        # (two teasers at least, and a line of the zone that is not repeated stays: a
        # headline that a list of the site's articles under the body names again stays)
        if len(teasers) >= 2 and len(teasers) < len(head):
            for j in teasers:
                lines[j].reason = "teaser block"
            head = [j for j in head if lines[j].reason is None]
    head_set = set(head)
    for i in content:
        if i >= body_start:
            break
        ln = lines[i]
        if ln.reason is None and i not in head_set:
            if ln.good and not aggressive:
                continue
            # without the headline, nothing but prose stays above the article (so
            # that no other line moves up to become the next headline)
            if keep_headline and not ln.linky and conservative:
                continue
            if (
                keep_headline
                and not aggressive
                # (a list whose announcing line goes is no list: "Label:" rows of a
                # spec table above the article go together, not one per pass)
                and (
                    (listed[i] >= 0 and lines[listed[i]].reason is None)
                    or _beside_prose(lines, i, prev_of, next_of)
                    or _smiley_under_text(lines, i, prev_of)
                )
            ):
                continue
            ln.reason = "page header"
    if not keep_headline:
        # the whole headline block: headline, kicker, subtitle lines that are not prose
        for i in head:
            if not lines[i].good:
                lines[i].reason = "headline"

    # -- 6. after the body: keep a closing paragraph or two, drop the page footer
    if body_end < len(lines):
        tail_reason = "page footer"
        stopped = False
        hard_end = False  # a comment, footer or author-box block has begun
        since_teaser = -1  # lines since the last teaser heading (-1: none yet)
        pending: list[int] = []  # lines without evidence that wait for more prose
        open_end = _open_stretch(lines, body_start, body_end)
        for i in content:
            if i < open_end:
                continue
            ln = lines[i]
            if since_teaser >= 0:
                since_teaser += 1
            if ln.category == "related" or ln.reason == "teaser heading":
                since_teaser = 0
            elif (
                ln.category in _MARKERS
                or ln.reason in _HARD_END
                or (stopped and ln.good and ln.reason is None and _disclaims(ln, lex.disclaimer))
            ):
                # (a legal or disclaimer paragraph after the article is over is a footer)
                hard_end = True
            elif (
                stopped
                and not hard_end
                and (since_teaser < 0 or 2 <= since_teaser <= _INLINE_TEASER + 1)
                and ln.reason is None
                and ln.good
            ):
                # three paragraphs in a row (or two long ones) after a table, a share row or a
                # small "see also" box (a teaser heading and a teaser or two),
                # before any comment or footer block: the article goes on
                n = next_of.get(i)
                nn = next_of.get(n) if n is not None else None
                second = lines[n] if n is not None else None
                if (
                    second is not None
                    and second.good
                    and second.reason is None
                    and (
                        (nn is not None and lines[nn].good and lines[nn].reason is None)
                        or ln.weight + second.weight >= _RESTART_WEIGHT
                    )
                ):
                    stopped = False
                    since_teaser = -1
                    pending.clear()
            elif stopped and not hard_end and i in steps:
                # numbered steps (a recipe's method after its ingredient table): the article goes on
                stopped = False
                since_teaser = -1
                pending.clear()
            if not stopped:
                glued = i > 0 and not lines[i - 1].blank and lines[i - 1].reason is None
                if ln.reason is None and (
                    ln.good
                    or ln.tail >= 0
                    or listed[i] >= 0
                    or (ln.end_punct and ln.units <= 12)
                    # a long paragraph that ends in an ellipsis or lacks function words is
                    # still a paragraph of the article, not a footer link
                    or (ln.end_punct and ln.units >= _LONG_LINE)
                    or (glued and not ln.linky)
                    # a sign-off right under the last sentence kept ("Euer Max")
                    or (not pending and _signs_off(lines, i, prev_of, lex))
                ):
                    pending.clear()  # prose goes on: the lines in between stay
                    continue
                if ln.reason is None and conservative and not ln.linky:
                    continue
                if (ln.reason is None or ln.reason in _WEAK_EVIDENCE) and len(
                    pending
                ) < _MAX_PENDING:
                    pending.append(i)
                    continue
                stopped = True
                for k in pending:
                    if lines[k].reason is None:
                        lines[k].reason = tail_reason
                pending.clear()
            if ln.reason is not None:
                if ln.reason in ("teaser heading", "teaser block"):
                    tail_reason = "teaser block"
                elif ln.reason == "comment widget":
                    tail_reason = "comments"
                continue
            if conservative and ln.good:
                continue
            ln.reason = tail_reason

        for k in pending:
            if lines[k].reason is None:
                lines[k].reason = tail_reason

    # -- 7. inside the body: runs of short link-like lines
    min_run = 2 if aggressive else 3
    if has_body and not conservative:
        run: list[int] = []
        for i in [*content, -1]:
            if (
                i >= 0
                and in_body[i]
                and lines[i].linky
                and lines[i].reason is None
                and listed[i] < 0
            ):
                if run and next_of.get(run[-1]) != i:
                    run = []
                run.append(i)
                continue
            if len(run) >= min_run and (
                len(run) >= _LONG_RUN or _run_evidence(lines, run, prev_of, next_of)
            ):
                for r in run:
                    lines[r].reason = "link list"
            run = []

    # -- 8. a post's filing note, however long ("Dieser Beitrag wurde am … veröffentlicht
    # und unter … abgelegt"); section labels left without their section, or that only
    # announce a citation
    for i in content:
        ln = lines[i]
        if ln.reason is not None:
            continue
        if _filing_note(ln, lex):
            ln.reason = _CATEGORIES["meta"]
        elif (
            (i >= body_end or not ln.good)
            and ln.units <= _MAX_LICENCE
            and lex.licence is not None
            and lex.licence.search(" " + ln.key) is not None
        ):
            # after the article (or inside it, but no sentence of prose), a short line
            # that says the work is licensed under … ("If not stated otherwise, this
            # work is licensed under a Creative Commons licence")
            ln.reason = _CATEGORIES["licence"]
    if has_body:
        _section_labels(lines, content, body_end, next_of, lex.labels)
        # -- 9. author boxes under a name line that the byline or a comment repeats
        for i in _byline_name_boxes(lines, content, body_start, next_of, lex.stopwords):
            lines[i].reason = "author box"

    removals: list[Removal] = []
    for ln in lines:
        if ln.blank:
            continue
        if ln.reason is not None:
            removals.append(Removal(ln.start, ln.end, ln.text, ln.number, ln.reason, "line"))
        elif ln.tail >= 0:
            removals.append(
                Removal(ln.tail, ln.end, text[ln.tail : ln.end], ln.number, "credit", "tail")
            )
    return removals
