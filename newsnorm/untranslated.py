"""Flag stray untranslated tokens: English words left in a German text, and the like.

The evidence is how common a token is in the source language against the
target language (a compact table derived from wordfreq, shipped with the
package), weighed by its context: source-language function words only count
inside a run of source-language words, multi-word runs become one flag, and
names, titles, acronyms, camelCase, URLs, handles, hashtags, numbers,
hyphenated compounds with a target-language part, established loanwords and
target-language homographs are left alone (the last two come from the data
files ``newsnorm/data/<lang>/loanwords.txt`` and ``homographs.txt``).

>>> [f.token for f in flag_untranslated(
...     "Viele Nutzer konnten initially den Stream nicht erreichen.", lang="de")]
['initially']
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from typing import overload

from newsnorm._check import check_choice, ensure_str
from newsnorm._data import LANGUAGES, load_set
from newsnorm._freq import FreqTable, load_german_nouns, load_rare_forms, load_table
from newsnorm.types import Flag

__all__ = ["DEFAULT_MIN_SCORE", "flag_untranslated"]

#: Flags scoring below this are dropped by default.
DEFAULT_MIN_SCORE = 0.5

# --- tuning constants (log-odds scale) -------------------------------------------------------
#: A word can anchor a flag only if it is at least this common in the source language ...
MIN_SOURCE_ZIPF = 2.5
#: ... and at least this much more common there than in the target language.
MIN_MARGIN = 0.6
#: Margin (Zipf difference) at which a lower-case single word scores 0.5.
MARGIN_MID = 1.05
#: Slope of the score over the margin.
MARGIN_SLOPE = 2.6
#: Log-odds per Zipf point of source frequency above 4 (common words are safer bets).
LEVEL_WEIGHT = 0.35
#: Log-odds of an English -s form too rare for the table but English only, from an English-only
#: base word ("blowflies", "whodunnits"; ``data/wordfreq/rare_en_s_forms.txt``); a capitalised
#: one takes off the case penalty (x MARGIN_SLOPE) as any other word.
RARE_FORM_LOGIT = 2.4
#: Extra margin needed by a capitalised word where the target capitalises only names.
NAME_CASE_PENALTY = 2.0
#: Extra margin needed by a capitalised word in German (loan nouns are capitalised too).
NOUN_CASE_PENALTY = 0.7
#: Extra margin needed by a capitalised word when German nouns are looked for in another
#: language (a German noun or a place name: "Verhandlungen" vs "Berlin").
SOURCE_NOUN_CASE_PENALTY = 1.2
#: Less case margin for a capitalised word at a German sentence start that German Wiktionary
#: does not list as a German noun ("Dad sagt …"), when a lower-case German word follows and
#: the text does not use the word in a name elsewhere (:meth:`_Scorer.known_name`).
START_CASE_RELIEF = 0.5
#: Log-odds taken off a capitalised phrase inside a sentence (titles of works, products).
TITLE_PENALTY = 2.5
#: Log-odds added to a capitalised word right after a target-language function word.
ARTICLE_BONUS = 0.7
#: Further log-odds when that function word is a determiner (``data/<lang>/determiners.txt``):
#: "einen Drink", "dem Backlash" use the word as a noun of the sentence, not as a name.
DETERMINER_BONUS = 0.6
#: Log-odds bonus for each further source-language word in the same run.
RUN_BONUS = 1.2
#: A run of this many words (or a whole sentence) is a quotation, scored QUOTE_LOGIT.
QUOTE_WORDS = 5
QUOTE_LOGIT = -1.0
#: A source function word counts alone only if the target uses it rarer than this (Zipf x 10) ...
LONE_STOPWORD_MAX_TARGET = 40
#: ... and then with this much less log-odds.
LONE_STOPWORD_PENALTY = 0.5
#: A loanword joins a run only if at least this common (x10) in the source language.
JOIN_MIN_SOURCE = 30
#: Log-odds taken off a hyphenated compound made only of source words (often a term of art).
COMPOUND_PENALTY = 1.5
#: How far (in words) a sentence is looked at on each side of a flag.
SENTENCE_TOKENS = 25
#: Longest run of words that becomes one flag.
MAX_RUN = 12

# Words: letters with inner apostrophes. The letter class and the apostrophes are disjoint, so
# the stdlib engine (faster here than ``regex``) matches in linear time without backtracking.
_WORD_PATTERN = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
_SPLIT = re.compile(f"({_WORD_PATTERN})")
_FULL_STOP = frozenset(".!?\n\r\u2028\u2029")
_SENTENCE_END = frozenset('.!?:;\n\r\u2028\u2029"„“”«»()[]–—•|')
_SENTENCE_END_OUTSIDE_QUOTES = _SENTENCE_END - frozenset('"„“”«»')
_QUOTE_PAIRS = {"„": '“”"', "“": "”", "«": "»", "»": "«", "‚": "‘’'", "‹": "›", "›": "‹", '"': '"'}
_NO_END = 1 << 62
_QUOTE_MARKS = frozenset("„“”\"«»‚‘’‹›'")
_QUOTE_CHARS = re.compile(r"[„“”\"«»‚‘’‹›]")
_NEAR_CHARS = 64


@dataclass(frozen=True)
class _Pair:
    """What flag_untranslated needs for one (source, target) pair, built once."""

    source: str
    target: str
    anchors: frozenset[str]
    joiners: frozenset[str]
    skip: frozenset[str]
    source_stop: frozenset[str]
    target_stop: frozenset[str]
    suffixes: tuple[str, ...]
    phrases: tuple[str, ...]
    determiners: frozenset[str]
    conjunctions: frozenset[str]
    polite: frozenset[str]
    office_titles: frozenset[str]
    rare_forms: frozenset[str]
    german_nouns: frozenset[str]


def _lang_code(value: object, name: str) -> str:
    if isinstance(value, str):
        base = value.replace("_", "-").split("-", 1)[0].lower()
        if base in LANGUAGES:
            return base
    return check_choice(value, LANGUAGES, name, "flag_untranslated")


@lru_cache(maxsize=64)
def _pair(source: str, target: str) -> _Pair:
    table = load_table()
    src_col = table.columns[source]
    tgt_col = table.columns[target]
    skip = load_set(target, "loanwords") | load_set(target, "homographs")
    source_stop = load_set(source, "stopwords")
    target_stop = load_set(target, "stopwords")
    lo = round(MIN_SOURCE_ZIPF * 10)
    margin = round(MIN_MARGIN * 10)
    anchors = []
    joiners = []
    words = table.words
    # only rows common enough in the source language are looked at (a C-level filter)
    common = src_col.translate(bytes(int(z >= lo) for z in range(256)))
    for row in compress(range(len(words)), common):
        zs = src_col[row]
        zt = tgt_col[row]
        if zs - zt >= margin:
            anchors.append(words[row])
        elif zs >= 40 and zs - zt >= -3:
            joiners.append(words[row])
    anchor_set = frozenset(anchors) - skip - target_stop
    joiner_set = (frozenset(joiners) | (source_stop - anchor_set)) - skip
    suffixes = tuple(sorted(load_set(target, "inflections"), key=len, reverse=True))
    phrases = tuple(sorted(" ".join(p.split()) for p in skip if " " in p))
    return _Pair(
        source,
        target,
        anchor_set,
        joiner_set,
        skip,
        source_stop,
        target_stop,
        suffixes,
        phrases,
        load_set(target, "determiners"),
        load_set(target, "conjunctions"),
        load_set(target, "polite_determiners"),
        load_set(target, "office_titles"),
        load_rare_forms() if source == "en" else frozenset(),
        load_german_nouns() if target == "de" else frozenset(),
    )


#: How far the context bonuses of a capitalised word can outweigh its case penalty.
_CONTEXT_EXCESS = max(
    0.0,
    ARTICLE_BONUS
    + DETERMINER_BONUS
    - min(NOUN_CASE_PENALTY, SOURCE_NOUN_CASE_PENALTY, NAME_CASE_PENALTY),
)


def _best_logit(zs: int, zt: int, rare: bool) -> float:
    """The highest single-word log-odds a word can get (no case penalty, any context bonus).

    *rare*: the word is one of the rare -s forms (not in the table).
    """
    if rare:
        return RARE_FORM_LOGIT + _CONTEXT_EXCESS
    level = min(zs / 10.0, 6.0) - 4.0
    return MARGIN_SLOPE * ((zs - zt) / 10.0 - MARGIN_MID) + LEVEL_WEIGHT * level + _CONTEXT_EXCESS


def _may_run(lows: Sequence[str], i: int, pair: _Pair) -> bool:
    """True if a neighbour of token *i* could join it in a run."""
    for k in (i - 1, i + 1):
        if 0 <= k < len(lows):
            word = lows[k]
            if word in pair.anchors or word in pair.joiners or word in pair.skip:
                return True
            if word in pair.rare_forms:
                return True
    return False


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _is_plain_case(word: str) -> bool:
    """Lower-case, or capitalised with lower-case rest (not ALL CAPS, not camelCase)."""
    rest = word[1:]
    return rest == rest.lower() and not (len(word) > 1 and word.isupper())


def _sentence_start(text: str, start: int) -> bool:
    pos = start - 1
    while pos >= 0 and text[pos] in " \t\u00a0":
        pos -= 1
    return pos < 0 or text[pos] in _SENTENCE_END


def _whole_sentence(text: str, start: int, end: int) -> bool:
    """True if text[start:end] is a sentence of its own (quotes and brackets do not count)."""
    pos = start - 1
    while pos >= 0 and text[pos] in " \t\u00a0":
        pos -= 1
    if pos >= 0 and text[pos] not in _FULL_STOP:
        return False
    pos = end
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos >= len(text) or text[pos] in _FULL_STOP


def _chunk(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the white-space-free chunk around text[start:end] (looks at most 64 chars)."""
    lo = start
    stop = max(0, start - _NEAR_CHARS)
    while lo > stop and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    stop = min(len(text), end + _NEAR_CHARS)
    while hi < stop and not text[hi].isspace():
        hi += 1
    return lo, hi


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans between matching quotation marks (a linear scan; unmatched marks are ignored)."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    closers = ""
    for m in _QUOTE_CHARS.finditer(text):
        ch = m.group()
        pos = m.start()
        if open_at >= 0:
            if ch in closers:
                spans.append((open_at, pos + 1))
                open_at = -1
            continue
        if ch in _QUOTE_PAIRS:
            before = text[pos - 1] if pos else " "
            if ch in "'\"" and before.isalnum():
                continue  # an inch mark or an apostrophe
            open_at = pos
            closers = _QUOTE_PAIRS[ch]
    return spans


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    key: str


def _key(lower: str) -> str:
    """Table key of a lower-cased word (case folding matters for non-ASCII words only)."""
    return lower if lower.isascii() else lower.casefold()


class _Tokens(Sequence[_Tok]):
    """The word tokens of a text from :func:`_split_lower`; token objects made on demand."""

    def __init__(self, text: str, parts: list[str], lows: list[str]) -> None:
        self.text = text
        ends = list(accumulate(map(len, parts)))
        self.lows = lows
        self.starts: list[int] = ends[0::2]
        self.ends: list[int] = ends[1::2]
        self._made: dict[int, _Tok] = {}

    def text_of(self, index: int) -> str:
        """The text of token *index* (no token object made)."""
        return self.text[self.starts[index] : self.ends[index]]

    def __len__(self) -> int:
        return len(self.lows)

    @overload
    def __getitem__(self, index: int) -> _Tok: ...

    @overload
    def __getitem__(self, index: slice) -> list[_Tok]: ...

    def __getitem__(self, index: int | slice) -> _Tok | list[_Tok]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self.lows)))]
        tok = self._made.get(index)
        if tok is None:
            if index < 0:
                index += len(self.lows)
            start, end = self.starts[index], self.ends[index]
            tok = _Tok(start, end, self.text[start:end], _key(self.lows[index]))
            self._made[index] = tok
        return tok


class _Scorer:
    """Per-call helper: evidence for one token of one text."""

    def __init__(self, text: str, pair: _Pair, table: FreqTable) -> None:
        self.text = text
        self.pair = pair
        self.table = table
        self.src = table.columns[pair.source]
        self.tgt = table.columns[pair.target]
        self.names_capitalised = pair.target != "de" and pair.source != "de"
        self._names: frozenset[str] | None = None  # the name memory, built on first use
        # extra margin a capitalised word needs: German capitalises nouns, the others names
        if pair.target == "de":
            self.case_penalty = NOUN_CASE_PENALTY
        elif pair.source == "de":
            self.case_penalty = SOURCE_NOUN_CASE_PENALTY
        else:
            self.case_penalty = NAME_CASE_PENALTY

    def known_name(self, tokens: _Tokens, i: int) -> bool:
        """True if the text uses token *i*'s word, capitalised, in a name elsewhere.

        The name memory is built once per text, on first use, in one pass over the
        source-word hits: a capitalised occurrence inside a run of name-like capitalised
        words ("Ashley Young", "The Sun", "Manchester United"), after an honorific, or right
        after another capitalised word (:func:`_after_capital`: "Maria Young").
        """
        if self._names is None:
            names = set()
            text_of = tokens.text_of
            for j in _anchor_hits(tokens, self.pair):
                if text_of(j)[:1].isupper() and (
                    _in_name(self.text, tokens, j, self)
                    or _after_capital(self.text, tokens, j, self.pair)
                ):
                    names.add(tokens.lows[j])
            self._names = frozenset(names)
        return tokens.lows[i] in self._names

    def codes(self, key: str) -> tuple[int, int]:
        row = self.table.index.get(key)
        if row is None:
            return 0, 0
        return self.src[row], self.tgt[row]

    def word_logit(self, tok: _Tok, *, capital_ok: bool) -> float | None:
        """Log-odds that a single word is source language, or None if it is not a candidate."""
        if tok.key in self.pair.skip or tok.key in self.pair.target_stop:
            return None
        zs, zt = self.codes(tok.key)
        if zs == 0 and zt == 0:
            return self.rare_form_logit(tok, capital_ok=capital_ok)
        margin = (zs - zt) / 10.0
        if zs < MIN_SOURCE_ZIPF * 10 or margin < MIN_MARGIN:
            return None
        mid = MARGIN_MID + self.capital_penalty(tok, capital_ok=capital_ok)
        # very common source words are safer than rare ones at the same margin
        level = min(zs / 10.0, 6.0) - 4.0
        return MARGIN_SLOPE * (margin - mid) + LEVEL_WEIGHT * level

    def rare_form_logit(self, tok: _Tok, *, capital_ok: bool) -> float | None:
        """Log-odds of a word the table does not know: a rare English -s form, else None."""
        if tok.key not in self.pair.rare_forms:
            return None
        return RARE_FORM_LOGIT - MARGIN_SLOPE * self.capital_penalty(tok, capital_ok=capital_ok)

    def capital_penalty(self, tok: _Tok, *, capital_ok: bool) -> float:
        """The extra margin a capitalised word needs (0.0 for lower case, or where
        *capital_ok* — a sentence start — and the target capitalises only names)."""
        if tok.text[:1].isupper() and not (capital_ok and self.names_capitalised):
            return self.case_penalty
        return 0.0


def _adjacent(text: str, left: _Tok, right: _Tok) -> bool:
    """True if only plain spaces separate two tokens."""
    gap = text[left.end : right.start]
    return 0 < len(gap) <= 2 and gap.strip(" \u00a0") == ""


def _compound(text: str, tokens: _Tokens, i: int) -> tuple[int, int] | None:
    """Token index range of the hyphenated compound around token *i*, or None."""
    starts, ends = tokens.starts, tokens.ends
    lo = i
    stop = max(0, i - MAX_RUN)
    while lo > stop and text[ends[lo - 1] : starts[lo]] == "-":
        lo -= 1
    hi = i
    stop = min(len(tokens) - 1, i + MAX_RUN)
    while hi < stop and text[ends[hi] : starts[hi + 1]] == "-":
        hi += 1
    if lo == hi:
        return None
    return lo, hi


def flag_untranslated(
    text: str,
    *,
    lang: str | None = None,
    source: str = "en",
    min_score: float = DEFAULT_MIN_SCORE,
    skip_quoted: bool = False,
) -> list[Flag]:
    """Find words of the *source* language left in a text written in *lang*.

    ``lang`` is the language the text should be in (``None``: detected with
    :func:`newsnorm.detect_language`; ``"de-CH"`` counts as ``"de"``);
    ``source`` the language the stray words come from. Returns
    :class:`~newsnorm.types.Flag` objects sorted by ``start``, each with a
    ``score`` in 0..1; flags below ``min_score`` are dropped. Names, titles,
    acronyms, URLs, handles, numbers, loanwords and compounds with a
    target-language part are never flagged; with ``skip_quoted=True`` neither
    is anything inside quotation marks.

    >>> flags = flag_untranslated("Die Koalition soll in the meantime weiterregieren.", lang="de")
    >>> [(f.token, f.lang) for f in flags]
    [('in the meantime', 'en')]
    >>> flag_untranslated("Das Team gab der New York Times ein Interview.", lang="de")
    []
    """
    ensure_str(text, "flag_untranslated")
    source = _lang_code(source, "source")
    if lang is not None:
        lang = _lang_code(lang, "lang")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise TypeError(f"flag_untranslated(): min_score must be a number, not {min_score!r}")
    if not 0.0 <= min_score <= 1.0:
        raise ValueError(f"flag_untranslated(): min_score must be in 0..1, not {min_score!r}")
    if not text:
        return []
    if lang is None:
        from newsnorm.langid import detect_language

        lang = detect_language(text).lang
        if lang is None or lang not in LANGUAGES:
            return []
    if lang == source:
        return []
    pair = _pair(source, lang)
    parts, lows = _split_lower(text)
    # cheap check first: most texts hold no anchor word at all
    if pair.anchors.isdisjoint(lows) and pair.rare_forms.isdisjoint(lows):
        return []
    tokens = _Tokens(text, parts, lows)
    return _flag(text, tokens, pair, _candidates(tokens, pair), min_score, skip_quoted)


def _split_lower(text: str) -> tuple[list[str], list[str]]:
    """Separators and words alternating (lengths as in *text*), and the lower-cased words."""
    low = text.lower()
    if len(low) == len(text):
        parts = _SPLIT.split(low)
        return parts, parts[1::2]
    parts = _SPLIT.split(text)  # e.g. "İ" lower-cases to two characters
    return parts, [w.lower() for w in parts[1::2]]


def _flag(
    text: str,
    tokens: _Tokens,
    pair: _Pair,
    hits: list[int],
    min_score: float,
    skip_quoted: bool,
) -> list[Flag]:
    """The flags of *text*, looking at the tokens *hits* (ascending) as anchors."""
    scorer = _Scorer(text, pair, load_table())
    lows = tokens.lows
    # a word that cannot reach 0.5 on its own and has no run-able neighbour is left out early
    prune = min_score >= 0.5
    quoted = _quoted_spans(text) if skip_quoted else []
    flags: list[Flag] = []
    done = -1  # tokens up to this index are already decided
    taken = 0  # the end of the last flag, kept or not
    for i in hits:
        if i <= done:
            continue
        # (a log-odds just below 0 still rounds to a score of 0.5, hence the small margin)
        if prune and not _may_run(lows, i, pair):
            best = _best_logit(*scorer.codes(lows[i]), lows[i] in pair.rare_forms)
            if best < -0.001:
                continue
        flag, last = _flag_at(text, tokens, i, scorer, pair, quoted)
        done = max(done, last)
        if flag is None or flag.start < taken:
            continue
        # a later run may not reopen a span already flagged, even with a score below
        # min_score: the flags above min_score do not depend on min_score
        taken = flag.end
        if flag.score >= min_score:
            flags.append(flag)
    return flags


def _anchor_hits(tokens: _Tokens, pair: _Pair) -> list[int]:
    """Indexes of the anchor words and rare forms, in order (C-level scans)."""
    lows = tokens.lows
    hits = list(compress(range(len(lows)), map(pair.anchors.__contains__, lows)))
    if not pair.rare_forms.isdisjoint(lows):
        rare = compress(range(len(lows)), map(pair.rare_forms.__contains__, lows))
        hits = sorted(hits + list(rare))
    return hits


def _candidates(tokens: _Tokens, pair: _Pair) -> list[int]:
    """:func:`_anchor_hits` less what :func:`_flag_at` turns down first (one letter; ALL CAPS
    or camelCase), decided on the token's text without making token objects.

    The flags are the same as with every anchor hit (tested).
    """
    text_of = tokens.text_of
    return [
        i
        for i in _anchor_hits(tokens, pair)
        if len(word := text_of(i)) > 1 and _is_plain_case(word)
    ]


def _in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """True if *pos* lies in one of the sorted, disjoint *spans* (binary search)."""
    k = bisect.bisect_right(spans, (pos, _NO_END)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _blocked(text: str, tok: _Tok) -> bool:
    """URLs, e-mail addresses, handles, hashtags, words glued to digits or dots."""
    lo, hi = _chunk(text, tok.start, tok.end)
    chunk = text[lo:hi]
    if "@" in chunk or "://" in chunk or "www." in chunk.lower():
        return True
    before = text[tok.start - 1] if tok.start else " "
    after = text[tok.end] if tok.end < len(text) else " "
    if before in "#@_/\\" or after in "_/\\@":
        return True
    if before.isdigit() or after.isdigit():
        return True
    if after == "-" and (tok.end + 1 >= len(text) or text[tok.end + 1].isspace()):
        return True  # first part of a shortened compound: "inner- und außerhalb"
    if before.isspace() and tok.start >= 3 and text[tok.start - 2] == "-":
        return text[tok.start - 3].isalpha()  # a word broken at a line end: "meis- ten"
    if after == "." and tok.end + 1 < len(text) and text[tok.end + 1].isalnum():
        return True  # a domain name or file name
    return before == "." and tok.start >= 2 and text[tok.start - 2].isalnum()


def _capitalised(tok: _Tok) -> bool:
    return tok.text[:1].isupper()


def _name_like(tok: _Tok, scorer: _Scorer) -> bool:
    """A capitalised word that is not a common target-language word (part of a name)."""
    if not _capitalised(tok) or tok.key in scorer.pair.target_stop:
        return False
    if len(tok.text) > 1 and tok.text.isupper():
        return True  # an acronym: "USA Today"
    zs, zt = scorer.codes(tok.key)
    return not (zt >= 35 and zt >= zs)


def _flag_at(
    text: str,
    tokens: _Tokens,
    i: int,
    scorer: _Scorer,
    pair: _Pair,
    quoted: Sequence[tuple[int, int]],
) -> tuple[Flag | None, int]:
    """Decide about the anchor token *i*; returns the flag (or None) and the last token used."""
    tok = tokens[i]
    if len(tok.text) < 2 or not _is_plain_case(tok.text) or _blocked(text, tok):
        return None, i
    if quoted and _in_spans(tok.start, quoted):
        return None, i
    comp = _compound(text, tokens, i)
    if comp is not None:
        return _flag_compound(text, tokens, comp, scorer, pair)
    if _quoted_title(text, tok) and not _quoted_after_determiner(text, tokens, i, pair):
        return None, i
    if _in_name(text, tokens, i, scorer) and not _office_title(text, tokens, i, scorer):
        return None, i
    if _listed_with_name(text, tokens, i, scorer):
        return None, i
    if _target_inflection(tok, scorer):
        return None, i
    if tok.key in pair.rare_forms and _genitive_of_name(text, tokens, i):
        return None, i
    at_start = _sentence_start(text, tok.start)
    logit = scorer.word_logit(tok, capital_ok=at_start)
    if logit is None:
        return None, i
    if at_start and _start_relief(text, tokens, i, scorer, pair):
        logit += MARGIN_SLOPE * START_CASE_RELIEF
    if _after_article(text, tokens, i, pair):
        # "der Crisis", "im Connection": used as a noun of a target-language sentence
        logit += ARTICLE_BONUS
        if tokens[i - 1].key in pair.determiners:
            logit += DETERMINER_BONUS
    # grow a run of source-language words around the anchor
    lo = hi = i
    member = {i: logit}  # the log-odds of each word of the run
    while hi + 1 < len(tokens) and hi - lo + 1 < MAX_RUN:
        lg = _run_member(text, tokens, hi + 1, hi, scorer, pair)
        if lg is None:
            break
        hi += 1
        member[hi] = lg
    while lo > 0 and hi - lo + 1 < MAX_RUN:
        lg = _run_member(text, tokens, lo - 1, lo, scorer, pair)
        if lg is None:
            break
        lo -= 1
        member[lo] = lg
    # trim joiners that are as much target language as source language from the ends
    while lo < i and _weak_edge(tokens[lo], tokens[lo + 1], scorer, pair):
        lo += 1
    while hi > i and _weak_edge(tokens[hi], tokens[hi - 1], scorer, pair):
        hi -= 1
    name = _apposition(text, tokens, lo, hi, i, scorer)
    if name is not None:
        # a lower-case phrase before a name is an apposition: only the phrase is flagged
        hi = name - 1
        while hi > i and _weak_edge(tokens[hi], tokens[hi - 1], scorer, pair):
            hi -= 1
        member = {k: v for k, v in member.items() if k <= hi}
    strong = [logit] + [v for k, v in member.items() if k != i and v > -2.0]
    run = tokens[lo : hi + 1]
    if pair.phrases and len(run) > 1:
        around = tokens[max(0, lo - 3) : hi + 4]
        joined = " " + " ".join(t.key for t in around) + " "
        if any(f" {phrase} " in joined for phrase in pair.phrases):
            return None, hi  # an established phrase: "state of the art", "best of"
    if len(run) < 3 and all(_function_word(t, scorer) for t in run):
        return None, hi  # function words shared with the target count only inside a run
    if len(run) == 1 and tok.key in pair.source_stop:
        logit -= LONE_STOPWORD_PENALTY
        strong = [logit]
    start, end = run[0].start, run[-1].end
    score_logit = max(strong) + RUN_BONUS * (min(len(run), QUOTE_WORDS) - 1)
    if len(run) > 1 and _whole_text(text, start, end):
        # nothing but source words where a target text was expected: an untranslated segment
        reason = f"{pair.source} text of {len(run)} words"
        return Flag(
            start, end, text[start:end], pair.source, round(_sigmoid(score_logit), 4), reason
        ), hi
    embedded = len(run) > 1 and _quoted_phrase(text, start, end)
    quotation = (len(run) >= QUOTE_WORDS and not embedded) or (
        len(run) > 1 and (_whole_sentence(text, start, end) or _quoted_sentence(text, start, end))
    )
    if len(run) > 1 and not quotation and _touches_title(text, tokens, lo, hi, scorer):
        return None, hi
    if not quotation and _source_sentence(text, tokens, lo, hi, scorer, embedded):
        # the whole sentence is in the source language: a quotation, a tweet, a title
        score = _sigmoid(QUOTE_LOGIT)
        reason = f"{pair.source} sentence"
        return Flag(start, end, text[start:end], pair.source, round(score, 4), reason), hi
    if len(run) == 1:
        zs, zt = scorer.codes(tok.key)
        if zs == 0 and zt == 0:
            reason = f"{pair.source} word: rare -s form of an English-only word"
        else:
            reason = (
                f"{pair.source} word: zipf {pair.source} {zs / 10:.1f} vs "
                f"{pair.target} {zt / 10:.1f}"
            )
    elif quotation:
        # a sentence or clause of its own is a quotation, not a word left untranslated
        score_logit = QUOTE_LOGIT
        reason = f"{pair.source} quotation of {len(run)} words"
    else:
        reason = f"{pair.source} phrase of {len(run)} words"
        # (a capitalised word after the first one made it a title above: "Work in Progress")
        if _capitalised(run[0]) and not _sentence_start(text, run[0].start):
            # a capitalised phrase inside a sentence is most often a title
            score_logit -= TITLE_PENALTY
    score = _sigmoid(score_logit)
    flag = Flag(start, end, text[start:end], pair.source, round(score, 4), reason)
    return flag, hi


#: Punctuation that joins the items of a list of names: "Wired, Reviewed", "Gear VR & Cardboard".
_LIST_MARKS = frozenset({",", "&", "/"})


def _listed_with_name(text: str, tokens: _Tokens, i: int, scorer: _Scorer) -> bool:
    """A capitalised word joined to a name by a conjunction or a comma ("Word oder Excel")."""
    tok = tokens[i]
    if not _capitalised(tok):
        return False
    conjunctions = scorer.pair.conjunctions
    for step in (-1, 1):
        j = i + step
        if not 0 <= j < len(tokens):
            continue
        a, b = (tokens[j], tok) if step < 0 else (tok, tokens[j])
        gap = text[a.end : b.start].strip(" \u00a0")
        if len(gap) == 1 and gap in _LIST_MARKS:
            other = j
        elif not gap and tokens[j].key in conjunctions and not _capitalised(tokens[j]):
            other = j + step
            if not 0 <= other < len(tokens):
                continue
            a, b = (tokens[j], tokens[other]) if step > 0 else (tokens[other], tokens[j])
            if not _adjacent(text, a, b):
                continue
        else:
            continue
        if _foreign_name(tokens[other], scorer):
            return True
    return False


def _genitive_of_name(text: str, tokens: _Tokens, i: int) -> bool:
    """A capitalised -s word right before a capitalised word: a name's genitive, "Iggys Album".

    Applied to the rare forms only: their -s is then the target's genitive ending, not a plural.
    """
    tok = tokens[i]
    if not _capitalised(tok) or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    return _adjacent(text, tok, after) and _capitalised(after)


def _office_title(text: str, tokens: _Tokens, i: int, scorer: _Scorer) -> bool:
    """An untranslated title of office right before a name: "Secretary Mayorkas".

    Not inside a longer name ("Vice President Harris", "Speaker of the House").
    """
    tok = tokens[i]
    if tok.key not in scorer.pair.office_titles or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    if not (_adjacent(text, tok, after) and _name_like(after, scorer)):
        return False
    if i == 0:
        return True
    before = tokens[i - 1]
    return not (_adjacent(text, before, tok) and _name_like(before, scorer))


def _foreign_name(tok: _Tok, scorer: _Scorer) -> bool:
    """A name-like word that is no rarer in the source language than in the target.

    Rare words that the table does not know do not count: in German they are most often
    nouns ("Privatisierung, Ausgabenkürzung"), which are capitalised too.
    """
    if not _name_like(tok, scorer):
        return False
    if len(tok.text) > 1 and (tok.text.isupper() or not _is_plain_case(tok.text)):
        return True  # an acronym or camelCase: "Gear VR", "iOS"
    zs, zt = scorer.codes(tok.key)
    return zs > 0 and zs >= zt


_SENTENCE_MARKS = frozenset(".!?…")


def _whole_text(text: str, start: int, end: int) -> bool:
    """True if text[start:end] is all of *text* but white space and a final full stop.

    Scans only the characters next to the span, so it costs nothing on long texts.
    """
    pos = start - 1
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    if pos >= 0:
        return False
    pos = end
    while pos < len(text) and text[pos] in _SENTENCE_MARKS:
        pos += 1
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos == len(text)


def _quoted_sentence(text: str, start: int, end: int) -> bool:
    """True if text[start:end] fills a pair of quotation marks with a sentence: "How dare you?"."""
    if start == 0 or text[start - 1] not in _QUOTE_MARKS:
        return False
    pos = end
    while pos < len(text) and text[pos] in _SENTENCE_MARKS:
        pos += 1
    return end < pos < len(text) and text[pos] in _QUOTE_MARKS


def _quoted_phrase(text: str, start: int, end: int) -> bool:
    """True if text[start:end] lies in a pair of quotation marks in the middle of a sentence
    that hold a lower-case phrase: ein Krematorium "next door to a retirement village" zu bauen.

    Such a phrase is a part of the target-language sentence (the words around the marks go
    on without a break), not a quotation of its own, however long it is. Looks at most
    64 characters on each side.
    """
    lo = start - 1
    stop = max(0, start - _NEAR_CHARS)
    while lo > stop and text[lo] not in _SENTENCE_END:
        lo -= 1
    hi = end
    stop = min(len(text) - 1, end + _NEAR_CHARS)
    while hi < stop and text[hi] not in _SENTENCE_END:
        hi += 1
    if lo < 1 or hi >= len(text) - 1:
        return False
    if text[lo] not in _QUOTE_MARKS or text[hi] not in _QUOTE_MARKS or text[lo] == text[hi] == "'":
        return False
    if not text[lo + 1].islower():
        return False
    before = text[max(0, lo - 2) : lo].rstrip(" \u00a0")
    after = text[hi + 1 : hi + 3].lstrip(" \u00a0")
    return bool(before) and before[-1].isalpha() and bool(after) and after[0].isalpha()


def _quoted_title(text: str, tok: _Tok) -> bool:
    """A capitalised word alone in quotation marks is a title: Album "Rumours"."""
    if not _capitalised(tok) or not tok.start or tok.end >= len(text):
        return False
    return text[tok.start - 1] in _QUOTE_MARKS and text[tok.end] in _QUOTE_MARKS


def _target_inflection(tok: _Tok, scorer: _Scorer) -> bool:
    """A target-language word with an inflection ending: German "des Plans", "des Passes"."""
    for suffix in scorer.pair.suffixes:
        if tok.key.endswith(suffix) and len(tok.key) - len(suffix) >= 4:
            zs, zt = scorer.codes(tok.key[: -len(suffix)])
            if zt >= 30 and zs - zt < MIN_MARGIN * 10:
                return True
    return False


def _function_word(tok: _Tok, scorer: _Scorer) -> bool:
    """A source function word that the target language uses often too ("in", "the", "so")."""
    if tok.key not in scorer.pair.source_stop:
        return False
    return scorer.codes(tok.key)[1] >= LONE_STOPWORD_MAX_TARGET


def _quoted_after_determiner(text: str, tokens: _Tokens, i: int, pair: _Pair) -> bool:
    """A word in quotation marks right after a lower-case determiner: nach dem "Backlash".

    The determiner makes the quoted word the noun of its phrase, a word set off as foreign
    or unusual; a title in quotation marks follows a noun naming its kind (das Album
    "Rumours", der Film "Heat").
    """
    if i == 0:
        return False
    prev = tokens[i - 1]
    if _capitalised(prev) or prev.key not in pair.determiners:
        return False
    gap = text[prev.end : tokens[i].start].strip(" \u00a0")
    return len(gap) == 1 and gap in _QUOTE_MARKS and text[prev.end : prev.end + 1].isspace()


def _after_article(text: str, tokens: _Tokens, i: int, pair: _Pair) -> bool:
    """A capitalised token right after a lower-case target function word ("der", "im").

    A determiner of polite address inside a sentence counts too ("wenn Sie Ihre Bricks").
    """
    if i == 0 or not _capitalised(tokens[i]):
        return False
    prev = tokens[i - 1]
    if not _adjacent(text, prev, tokens[i]):
        return _quoted_after_determiner(text, tokens, i, pair)
    if not _capitalised(prev):
        return prev.key in pair.target_stop or prev.key in pair.determiners
    return prev.key in pair.polite and not _sentence_start(text, prev.start)


def _apposition(
    text: str, tokens: _Tokens, lo: int, hi: int, i: int, scorer: _Scorer
) -> int | None:
    """Index of the first capitalised word after the anchor *i* in a run that opens in lower
    case ("dem writer Marcus Goodrich", "wir brauchen straight Standards"), or None.

    A title opens with a capital, so such a run is a source-language phrase followed by a
    name or a capitalised target noun, not a title. Not when the run follows a name ("The
    Independent on Sunday": the run goes on a title).
    """
    first = tokens[lo]
    if _capitalised(first):
        return None  # at a sentence start it may be a title's first word: "House of Cards"
    if lo > 0 and _adjacent(text, tokens[lo - 1], first) and _name_like(tokens[lo - 1], scorer):
        return None
    for k in range(i + 1, hi + 1):
        if _capitalised(tokens[k]) and not _sentence_start(text, tokens[k].start):
            return k
    return None


def _touches_title(text: str, tokens: Sequence[_Tok], lo: int, hi: int, scorer: _Scorer) -> bool:
    """A phrase with a capitalised word inside, or next to a name: part of a title."""
    for k in range(lo + 1, hi + 1):
        if _capitalised(tokens[k]) and not _sentence_start(text, tokens[k].start):
            return True
    if not _capitalised(tokens[lo]):
        return False  # a lower-case phrase next to a name is an apposition: "world champion X"
    if (
        lo > 0
        and _adjacent(text, tokens[lo - 1], tokens[lo])
        and _name_like(tokens[lo - 1], scorer)
    ):
        return True
    return (
        hi + 1 < len(tokens)
        and _adjacent(text, tokens[hi], tokens[hi + 1])
        and _name_like(tokens[hi + 1], scorer)
    )


def _source_sentence(
    text: str, tokens: _Tokens, lo: int, hi: int, scorer: _Scorer, quoted: bool = False
) -> bool:
    """True if the sentence around tokens lo..hi is mostly source language.

    *quoted*: the tokens fill a pair of quotation marks inside a sentence; the sentence is
    then the one around the marks.
    """
    starts, ends, words = tokens.starts, tokens.ends, tokens.lows
    stops = _SENTENCE_END_OUTSIDE_QUOTES if quoted else _SENTENCE_END
    first = lo
    limit = max(0, lo - SENTENCE_TOKENS)
    while first > limit and stops.isdisjoint(text[ends[first - 1] : starts[first]]):
        first -= 1
    last = hi
    limit = min(len(words) - 1, hi + SENTENCE_TOKENS)
    while last < limit and stops.isdisjoint(text[ends[last] : starts[last + 1]]):
        last += 1
    src = tgt = 0
    source_stop = scorer.pair.source_stop
    target_stop = scorer.pair.target_stop
    codes = scorer.codes
    for word in words[first : last + 1]:
        key = _key(word)
        zs, zt = codes(key)
        if key in target_stop or zt > zs + 5:
            tgt += 1
        elif (key in source_stop or zs >= 25) and zs > zt:
            src += 1
    return src >= 4 and src >= 2 * tgt


def _start_relief(text: str, tokens: _Tokens, i: int, scorer: _Scorer, pair: _Pair) -> bool:
    """A German sentence's capitalised first word that needs less case margin: "Dad sagt …".

    Only a word German Wiktionary does not list as a German noun form, followed by one space
    and a lower-case German word (a one-word subject; a name at its first mention mostly
    comes with a second capitalised word: "United Internet bietet", "Democracy in Europe"),
    and not used in a name elsewhere in the text ("Eufrosina Young … Young ist").
    """
    tok = tokens[i]
    if not pair.german_nouns or not _capitalised(tok) or tok.key in pair.german_nouns:
        return False
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if text[tok.end : nxt.start] != " " or _capitalised(nxt):
        return False
    if nxt.key in pair.anchors or nxt.key in pair.joiners or nxt.key in pair.source_stop:
        return False
    return not scorer.known_name(tokens, i)


def _after_capital(text: str, tokens: _Tokens, j: int, pair: _Pair) -> bool:
    """Token *j* follows a capitalised word, one space apart: a name after a first name or
    a title ("Maria Young", "Will Patching", "Trainer Young"; German writes adjectives and
    function words in lower case inside a sentence). At a sentence start the capitalised
    word must not be a target function word ("Der Output")."""
    if j == 0:
        return False
    prev = tokens[j - 1]
    if not _capitalised(prev) or text[prev.end : tokens[j].start] != " ":
        return False
    if not _sentence_start(text, prev.start):
        return True
    return prev.key not in pair.target_stop and prev.key not in pair.determiners


def _run_member(
    text: str, tokens: _Tokens, k: int, near: int, scorer: _Scorer, pair: _Pair
) -> float | None:
    """Log-odds of token *k* joining the run that ends at token *near*, or None to stop."""
    tok = tokens[k]
    left, right = (tokens[k], tokens[near]) if k < near else (tokens[near], tokens[k])
    if not _adjacent(text, left, right) or not _is_plain_case(tok.text):
        return None
    if _compound(text, tokens, k) is not None or _in_name(text, tokens, k, scorer):
        return None
    capital_ok = k < near and _sentence_start(text, tok.start)
    lg = scorer.word_logit(tok, capital_ok=capital_ok)
    if lg is not None:
        return lg
    if tok.key in pair.skip:
        # loanwords and homographs never anchor a flag but may sit inside a source run
        zs, zt = scorer.codes(tok.key)
        if zs >= JOIN_MIN_SOURCE and zs >= zt:
            return -9.0
    if tok.key in pair.joiners:
        # a connector in front of a name ("of" in "Bank of America") ends the run
        beyond = k + 1 if k > near else k - 1
        if 0 <= beyond < len(tokens) and _in_name(text, tokens, beyond, scorer):
            a, b = (tok, tokens[beyond]) if beyond > k else (tokens[beyond], tok)
            if _adjacent(text, a, b):
                return None
        return -9.0
    return None


def _weak_edge(tok: _Tok, inner: _Tok, scorer: _Scorer, pair: _Pair) -> bool:
    """A run edge that is as much target language as source language.

    A function word of both languages stays when its neighbour inside the run is a source
    function word the target does not use ("in" in "in the meantime").
    """
    if tok.key in pair.anchors and scorer.word_logit(tok, capital_ok=True) is not None:
        return False
    if (
        tok.key in pair.source_stop
        and inner.key in pair.source_stop
        and inner.key not in pair.target_stop
    ):
        return False
    return tok.key in pair.target_stop or tok.key not in pair.source_stop


#: Lower-case words inside names and titles: "Bank of America", "Qabus bin Said".
_CONNECTORS = frozenset(
    {"of", "the", "and", "for", "de", "du", "la", "le", "del", "da", "di", "dos", "von", "van"}
    | {"bin", "ibn", "al", "el", "ben", "y"}
)
#: Words that make the next word a name even across a full stop: "Mr. President".
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "st"})


def _in_name(text: str, tokens: Sequence[_Tok], k: int, scorer: _Scorer) -> bool:
    """True if token *k* is one of two or more name-like capitalised words in a row."""
    tok = tokens[k]
    if not _name_like(tok, scorer):
        return False
    if k > 0 and tokens[k - 1].key in _HONORIFICS:
        gap = text[tokens[k - 1].end : tok.start]
        if gap in (" ", ". ", "\u00a0", ".\u00a0"):
            return True
    for step in (-1, 1):
        j = k + step
        if not 0 <= j < len(tokens):
            continue
        a, b = (tokens[j], tok) if step < 0 else (tok, tokens[j])
        if not _adjacent(text, a, b):
            continue
        if _name_like(tokens[j], scorer):
            return True
        j2 = j + step
        if tokens[j].key in _CONNECTORS and 0 <= j2 < len(tokens):
            a, b = (tokens[j2], tokens[j]) if step < 0 else (tokens[j], tokens[j2])
            if _adjacent(text, a, b) and _name_like(tokens[j2], scorer):
                return True
    return False


def _flag_compound(
    text: str,
    tokens: _Tokens,
    comp: tuple[int, int],
    scorer: _Scorer,
    pair: _Pair,
) -> tuple[Flag | None, int]:
    """A hyphenated compound is flagged as a whole, and only if every part is a source word.

    A capitalised part that German Wiktionary lists as a German noun form
    (``data/german_nouns/noun_forms.txt``: "Cross-over", "Release-Party") is a German part:
    German writes each noun of a hyphenated compound with a capital, so the part is more
    likely the German loan noun than an English word.
    """
    lo, hi = comp
    parts = tokens[lo : hi + 1]
    whole = "-".join(t.key for t in parts)
    if whole in pair.skip:
        return None, hi
    inner = parts[1:-1]
    if _capitalised(parts[0]) and _capitalised(parts[-1]) and not all(map(_capitalised, inner)):
        return None, hi  # a place name: "Stoke-on-Trent", "Stratford-upon-Avon"
    logits = []
    for t in parts:
        if (
            len(t.text) < 2
            or not _is_plain_case(t.text)
            or t.key in pair.skip
            or t.key in pair.target_stop
            or (_capitalised(t) and t.key in pair.german_nouns)
        ):
            return None, hi
        lg = scorer.word_logit(t, capital_ok=True)
        if lg is None:
            if t.key in pair.source_stop:
                continue
            return None, hi
        logits.append(lg)
    if not logits:
        return None, hi
    if any(_in_name(text, tokens, k, scorer) for k in (lo, hi)):
        # a capitalised compound next to other capitalised words is a name
        return None, hi
    penalty = COMPOUND_PENALTY * (2.0 if _capitalised(parts[0]) else 1.0)
    score = _sigmoid(max(logits) + RUN_BONUS * (len(logits) - 1) * 0.5 - penalty)
    start, end = parts[0].start, parts[-1].end
    reason = f"{pair.source} compound"
    return Flag(start, end, text[start:end], pair.source, round(score, 4), reason), hi
