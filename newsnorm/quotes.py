"""Quotation marks and apostrophes: one consistent typographic style.

:func:`normalize_quotes` reads every quotation mark in use on the web —
straight ``"`` and ``'``, curly “ ” ‘ ’, low-9 „ ‚, guillemets « » ‹ › (also
German »…«), primes ″ ′ and backticks misused as quotes, ````…''`` — pairs
opening and closing marks by position, and writes them in one style: level 1
gets the style's outer marks, level 2 its inner marks, level 3 the outer ones
again. Apostrophes (``geht's``, ``Musk’s``, ``'90er``, ``rock 'n' roll``,
``L'entretien``) are told apart from single quotes and written as ``'``
(``ascii``) or ``’`` (every typographic style). Inch, foot, minute and second
marks after a digit (``27"``, ``6'``, ``47°11′12″``) are left alone.

>>> normalize_quotes('Er sagte: "Das ist \\'gut\\'", und ging.', style="de")
'Er sagte: „Das ist ‚gut‘“, und ging.'

How a mark is read, in order:

1. after a digit, ``"`` ``'`` ``′`` ``″`` are unit marks and stay as they are,
   unless an opening quote of their kind is pending and no other mark of that
   kind follows in the paragraph that could close it (``"Seite 27"``);
2. a single mark between two letters is an apostrophe;
3. otherwise its neighbours decide, as in Markdown's flanking rules: a mark
   after white space (or start, bracket, dash) and before a word opens, one
   after a word and before white space or punctuation closes; the mark itself
   (“ or ”, » or «) does not matter, so wrongly curled marks are repaired;
4. a single mark that would open is an apostrophe when the word after it is a
   known elision (``'s``, ``'n'``, ``'em``; the lists live in
   ``newsnorm/data/<lang>/apostrophe_words.txt``) or an abbreviated year
   (``'90er``, ``'22``); a single mark after a word closes only if a single
   quote is open at that level — else it is an apostrophe (``Harris'``);
5. a closing double mark closes the nearest open double quote; a backtick
   opens only (````…''`` and ```…'``), so code in backticks stays; marks that
   stay unpaired are normalised on their own (an unpaired ``'`` ‘ ’ becomes an
   apostrophe); pairing never crosses a blank line, so one unbalanced quote
   cannot affect other paragraphs, and an unpaired mark does not raise the
   level of the quotes after it.

The function is idempotent. The reading above is a heuristic; on the rare
paragraph where a second reading of the output would change it again (marks
stacked without words between them), that paragraph is left exactly as it
was given (see ``docs/quotes.md``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from newsnorm._check import check_choice, ensure_str
from newsnorm._data import available_languages, load_set

__all__ = ["QUOTE_CHARS", "QUOTE_STYLES", "QuoteMarks", "normalize_quotes", "style_for_language"]


class QuoteMarks(NamedTuple):
    """The marks of one quotation style.

    ``outer_open``/``outer_close`` are used at nesting levels 1, 3, 5 …,
    ``inner_open``/``inner_close`` at levels 2, 4 …; ``apostrophe`` replaces
    every apostrophe. In ``fr`` the outer marks include the no-break space
    (U+00A0) that French typography puts inside guillemets.

    >>> QUOTE_STYLES["de"].outer_open + "Text" + QUOTE_STYLES["de"].outer_close
    '„Text“'
    """

    outer_open: str
    outer_close: str
    inner_open: str
    inner_close: str
    apostrophe: str


NBSP = "\u00a0"
NNBSP = "\u202f"

QUOTE_STYLES: Mapping[str, QuoteMarks] = MappingProxyType(
    {
        "ascii": QuoteMarks('"', '"', "'", "'", "'"),
        "en": QuoteMarks("“", "”", "‘", "’", "’"),
        "de": QuoteMarks("„", "“", "‚", "‘", "’"),
        "de-CH": QuoteMarks("«", "»", "‹", "›", "’"),
        "fr": QuoteMarks("«" + NBSP, NBSP + "»", "“", "”", "’"),
        "es": QuoteMarks("«", "»", "“", "”", "’"),
        "it": QuoteMarks("«", "»", "“", "”", "’"),
        "nl": QuoteMarks("“", "”", "‘", "’", "’"),
    }
)
"""Style name -> its marks (read-only). ``fr`` pads its guillemets with U+00A0."""

# ---------------------------------------------------------------------------
# Characters

#: Every character this module may replace (a public constant for tests/docs).
QUOTE_CHARS = "\"'`´‘’‚‛“”„‟«»‹›′″"

_ANY_MARK = re.compile("[" + re.escape(QUOTE_CHARS) + "]")

_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_RARE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A paragraph break: a blank line (two line breaks with only horizontal space
# between) or U+2029. The first pattern serves text whose only line break is
# "\n" (literal prefix: fast); the second any text (\r\n counts as one break).
_BLANK_LINE_LF = re.compile(r"\n[^\S\n]*\n")
_LB = r"(?:\r\n|\r(?!\n)|[\n\x0b\x0c\x1c\x1d\x1e\x85\u2028])"
_BLANK_LINE_ANY = re.compile(
    _LB + r"[^\S\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*" + _LB + r"|\u2029"
)
_WORD_AFTER = re.compile(r"[^\W_]{1,24}")
_YEAR = re.compile(r"[0-9]{2}[^\W\d_]{0,4}")
#: horizontal white space (absorbed by the ``fr`` padding)
_HSPACE = frozenset(
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
#: spaces that French typography puts inside guillemets; a mark looks through them
_PADS = frozenset((NBSP, NNBSP))

# glyph categories (for matching an opener with a closer)
_D_GUIL, _D_CURLY, _D_OTHER, _S_GUIL, _S_LOW, _S_OTHER = range(6)
_CATEGORY: dict[str, int] = {
    "«": _D_GUIL,
    "»": _D_GUIL,
    "“": _D_CURLY,
    "”": _D_CURLY,
    "„": _D_CURLY,
    "‟": _D_CURLY,
    '"': _D_OTHER,
    "″": _D_OTHER,
    "``": _D_OTHER,
    "''": _D_OTHER,
    "‹": _S_GUIL,
    "›": _S_GUIL,
    "‚": _S_LOW,
    "'": _S_OTHER,
    "‘": _S_OTHER,
    "’": _S_OTHER,
    "‛": _S_OTHER,
    "′": _S_OTHER,
    "`": _S_OTHER,
    "´": _S_OTHER,
}
#: single marks that can stand for an apostrophe
_APOS_CAPABLE = frozenset("'‘’‛′`´")
#: marks that never close (low-9 and reversed-9 quotes)
_OPEN_ONLY = frozenset("„‚‟‛")
#: marks that open a quote only (``…'' and `…' in LaTeX) and never close one
_NEVER_CLOSE = frozenset(("`", "``", "‚"))
#: a mark right before these does not open; right after these it does not close
_CLOSING_PUNCT = frozenset(".,;:!?)]}…")
#: What ends a quoted sentence or clause: a mark glued between one of these and
#: a letter closes an open quote (``„Gut.“Dann`` lost the space after ``“``).
_QUOTE_END_PUNCT = frozenset(".,!?…")
_OPENING_PUNCT = frozenset("([{¿¡")
_APOS_NORMAL = str.maketrans("‘’‛′`´", "''''''")

# roles
_OPEN, _CLOSE, _APOS, _KEEP = 0, 1, 2, 3
# character kinds
_WS, _ALNUM, _PUNCT = 0, 1, 2

_KIND_CACHE: dict[str, int] = {}


def _kind(ch: str) -> int:
    """White space (also: text edge), letter/digit/mark, or anything else."""
    kind = _KIND_CACHE.get(ch)
    if kind is None:
        if not ch or ch.isspace():
            kind = _WS
        elif unicodedata.category(ch)[0] in "LNM":
            kind = _ALNUM
        else:
            kind = _PUNCT
        if len(_KIND_CACHE) < 8192:
            _KIND_CACHE[ch] = kind
    return kind


@lru_cache(maxsize=1)
def _apostrophe_words() -> frozenset[str]:
    """Elisions of every language: ``'word``, ``word'`` and ``'word'`` entries, lower case."""
    words: set[str] = set()
    for lang in available_languages("apostrophe_words"):
        words.update(w.translate(_APOS_NORMAL).lower() for w in load_set(lang, "apostrophe_words"))
    return frozenset(words)


class _Style(NamedTuple):
    open1: str
    close1: str
    open2: str
    close2: str
    apostrophe: str
    pad: bool


def _internal_style(marks: QuoteMarks) -> _Style:
    pad = marks.outer_open.endswith(NBSP)
    return _Style(
        marks.outer_open.rstrip(NBSP),
        marks.outer_close.lstrip(NBSP),
        marks.inner_open,
        marks.inner_close,
        marks.apostrophe,
        pad,
    )


_STYLES: dict[str, _Style] = {name: _internal_style(m) for name, m in QUOTE_STYLES.items()}

# ---------------------------------------------------------------------------
# Public API


def normalize_quotes(text: str, *, style: str = "ascii") -> str:
    """Write every quotation mark and apostrophe of *text* in one *style*.

    *style* is one of :data:`QUOTE_STYLES` (``ascii``, ``en``, ``de``,
    ``de-CH``, ``fr``, ``es``, ``it``, ``nl``). Only quotation marks and
    apostrophes change (``fr`` also puts a no-break space inside « »).

    >>> normalize_quotes("„Wir schaffen das“, sagte sie. Geht's?")
    '"Wir schaffen das", sagte sie. Geht\\'s?'
    >>> normalize_quotes('He said "it\\'s \\'fine\\'" twice.', style="en")
    'He said “it’s ‘fine’” twice.'
    """
    text = ensure_str(text, "normalize_quotes")
    check_choice(style, QUOTE_STYLES, "style", "normalize_quotes")
    if _ANY_MARK.search(text) is None:
        return text
    st = _STYLES[style]
    if len(text) <= _BLOCK:
        return _normalize_block(text, st)
    # a long text is read in blocks of whole paragraphs: blocks without a mark,
    # and blocks that need no second reading, cost no more than a scan
    out = [
        _normalize_block(block, st) if _ANY_MARK.search(block) else block for block in _blocks(text)
    ]
    return "".join(out)


#: Texts longer than this many characters are read in blocks of about this size.
_BLOCK = 1 << 16
_SOLID = re.compile(r"\S")


def _blocks(text: str) -> list[str]:
    """*text* cut after paragraph breaks into blocks of at least ``_BLOCK`` characters.

    Every block ends with a whole paragraph break (the last one ends with the
    text); reading never crosses a paragraph break, so each block reads alone
    as it reads in the whole text.
    """
    pattern = _break_pattern(text)
    blocks: list[str] = []
    pos = 0
    while True:
        # look for the next break from a character that is no white space: no
        # break holds it, so the break found is one of those of the whole text
        # (a search from inside a run of line breaks could find a break shifted by one)
        solid = _SOLID.search(text, pos + _BLOCK)
        brk = pattern.search(text, solid.start()) if solid is not None else None
        if brk is None:
            blocks.append(text[pos:])
            return blocks
        blocks.append(text[pos : brk.end()])
        pos = brk.end()


#: A paragraph of at least this many characters, more than half of them quotation
#: marks, is no prose: it is left as it is (reading it would cost per mark).
_DENSE_MIN = 64


#: Only a text whose first this many characters are dense is counted in full.
_DENSE_PROBE = 4096


def _is_dense(text: str) -> bool:
    """True if *text* is long enough and more than half of its characters are quotation marks."""
    return len(text) >= _DENSE_MIN and 2 * sum(text.count(ch) for ch in QUOTE_CHARS) > len(text)


def _normalize_block(text: str, st: _Style) -> str:
    """:func:`normalize_quotes` of a text (or a block of whole paragraphs) with a mark."""
    if _is_dense(text[:_DENSE_PROBE]) and _is_dense(text):
        return _normalize_dense(text, st)
    return _read(text, st)


def _read(text: str, st: _Style) -> str:
    """Read *text*, and read the result again: a paragraph that would change again stays."""
    once = _apply(text, st)
    if once == text:
        return text
    twice = _apply(once, st)
    if twice == once:
        return once
    return _keep_stable_paragraphs(text, once, twice)


def _normalize_dense(text: str, st: _Style) -> str:
    """:func:`_read` for a text that is mostly marks, without a reading per mark.

    Its dense paragraphs stay (as :func:`_apply` leaves them), the others are
    read alone: reading never crosses a paragraph break, so that gives them
    what reading the whole text gives them.
    """
    paragraphs, breaks = _split_paragraphs(text)
    out: list[str] = []
    for k, paragraph in enumerate(paragraphs):
        if k:
            out.append(breaks[k - 1])
        if _ANY_MARK.search(paragraph) is None or _is_dense(paragraph):
            out.append(paragraph)
        else:
            out.append(_read(paragraph, st))
    return "".join(out)


def style_for_language(lang: str | None) -> str | None:
    """The quotation style of a language code (``"de"``, ``"de-CH"``, ``"fr_FR"``…), or ``None``.

    Used by the pipeline for ``quotes="auto"``; unknown languages give ``None``.

    >>> style_for_language("de"), style_for_language("de-ch"), style_for_language("pl")
    ('de', 'de-CH', None)
    """
    if lang is None:
        return None
    lang = ensure_str(lang, "style_for_language").strip().replace("_", "-").lower()
    primary, _, region = lang.partition("-")
    if primary == "de" and region.split("-")[0] in ("ch", "li"):
        return "de-CH"
    if primary in ("de", "en", "fr", "es", "it", "nl"):
        return primary
    return None


# ---------------------------------------------------------------------------
# Engine


def _split_paragraphs(text: str) -> tuple[list[str], list[str]]:
    """Paragraphs of *text* and the breaks between them (``len(breaks) == len(paragraphs) - 1``)."""
    paragraphs: list[str] = []
    breaks: list[str] = []
    pos = 0
    for start, end in _paragraph_breaks(text):
        paragraphs.append(text[pos:start])
        breaks.append(text[start:end])
        pos = end
    paragraphs.append(text[pos:])
    return paragraphs, breaks


def _keep_stable_paragraphs(text: str, once: str, twice: str) -> str:
    """Take the new reading of each paragraph that a second reading leaves as it is.

    A paragraph whose second reading differs from its first (rare: marks
    stacked without words between them) is returned exactly as it was given.
    Reading never crosses a paragraph break, so the paragraphs of *text*,
    *once* and *twice* correspond; this keeps :func:`normalize_quotes`
    idempotent by construction.
    """
    given, breaks = _split_paragraphs(text)
    first, _ = _split_paragraphs(once)
    second, _ = _split_paragraphs(twice)
    if not len(given) == len(first) == len(second):  # pragma: no cover - breaks are kept
        return text
    out = [
        new if new == again else old for old, new, again in zip(given, first, second, strict=True)
    ]
    pieces = [out[0]]
    for brk, par in zip(breaks, out[1:], strict=True):
        pieces.append(brk)
        pieces.append(par)
    return "".join(pieces)


def _break_pattern(text: str) -> re.Pattern[str]:
    """The paragraph-break pattern for *text*: the fast one when ``\\n`` is its only break."""
    return _BLANK_LINE_ANY if any(ch in text for ch in _RARE_BREAKS) else _BLANK_LINE_LF


def _paragraph_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraph breaks of *text*, in order."""
    return [m.span() for m in _break_pattern(text).finditer(text)]


def _marks(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, glyph)`` of every mark; ```` `` ```` and ``''`` are one mark each."""
    positions: list[int] = []
    for ch in QUOTE_CHARS:  # str.find per character beats a character-class regex
        i = text.find(ch)
        while i >= 0:
            positions.append(i)
            i = text.find(ch, i + 1)
    positions.sort()  # a merge of at most 17 sorted runs: linear
    out: list[tuple[int, int, str]] = []
    skip = -1
    for i in positions:
        if i == skip:
            continue
        ch = text[i]
        if (ch == "'" or ch == "`") and text.startswith(ch, i + 1):
            out.append((i, i + 2, ch + ch))
            skip = i + 1
        else:
            out.append((i, i + 1, ch))
    return out


def _apply(text: str, st: _Style) -> str:
    """One left-to-right reading of *text*; returns the text with marks replaced."""
    length = len(text)
    words = _apostrophe_words()
    marks = _marks(text)
    breaks = _paragraph_breaks(text)
    breaks.append((length + 1, length + 1))
    dense = _dense_paragraphs(marks, breaks, length)
    next_break = 0
    glyphs: list[str] = [m[2] for m in marks]
    roles: list[int] = [_KEEP] * len(marks)
    paired: list[bool] = [False] * len(marks)
    levels: list[int] = [0] * len(marks)
    stack: list[int] = []  # indices of pending openers
    counts = [0, 0, 0, 0, 0, 0]  # pending openers per category
    forced_apos = -1  # start offset of a mark already known to be an apostrophe
    par_first = 0  # first mark of the current paragraph
    cache = [-1, -1]  # see _closer_follows

    for idx, (s, e, g) in enumerate(marks):
        if s >= breaks[next_break][0]:
            _finish_paragraph(glyphs, roles, paired, levels, stack, counts, par_first, idx)
            par_first = idx
            while s >= breaks[next_break][0]:
                next_break += 1
        if dense and next_break in dense:
            continue  # a paragraph that is mostly marks stays as it is
        if s == forced_apos:
            roles[idx] = _APOS
            continue
        role, target = _decide(
            text, length, marks, idx, breaks[next_break][0], stack, glyphs, counts, words, cache
        )
        roles[idx] = role
        if role == _OPEN:
            stack.append(idx)
            counts[_CATEGORY[g]] += 1
        elif role == _CLOSE:
            if target >= 0:
                opener = stack[target]
                while len(stack) > target + 1:
                    # openers above the one closed stay unpaired
                    dropped = stack.pop()
                    counts[_CATEGORY[glyphs[dropped]]] -= 1
                    roles[dropped] = _unpaired_opener(glyphs[dropped])
                stack.pop()
                counts[_CATEGORY[glyphs[opener]]] -= 1
                paired[opener] = True
                paired[idx] = True
        elif target == -2:
            # 'n' and the like: the mark after the word is an apostrophe as well
            word = _WORD_AFTER.match(text, e)
            forced_apos = word.end() if word else -1
    _finish_paragraph(glyphs, roles, paired, levels, stack, counts, par_first, len(marks))
    return _emit(text, st, marks, roles, levels)


def _dense_paragraphs(
    marks: list[tuple[int, int, str]], breaks: list[tuple[int, int]], length: int
) -> set[int]:
    """Indices of the paragraphs that :func:`_is_dense` calls dense (from the marks found).

    *breaks* are the paragraph breaks with the end sentinel: paragraph ``k``
    ends where break ``k`` starts.
    """
    chars: dict[int, int] = {}
    k = 0
    for s, e, _ in marks:
        while s >= breaks[k][0]:
            k += 1
        chars[k] = chars.get(k, 0) + e - s
    dense: set[int] = set()
    for k, count in chars.items():
        size = min(breaks[k][0], length) - (breaks[k - 1][1] if k else 0)
        if size >= _DENSE_MIN and 2 * count > size:
            dense.add(k)
    return dense


def _single_compatible(opener: str, closer: str) -> bool:
    """May *closer* (a single mark) close the single quote opened by *opener*?"""
    oc = _CATEGORY[opener]
    if oc < _S_GUIL:
        return False
    if (oc == _S_GUIL) != (_CATEGORY[closer] == _S_GUIL):
        return False
    # German ‚…‘: after ‚ the mark ’ is an apostrophe, not the closing quote
    return not (oc == _S_LOW and closer == "’")


def _top_single(stack: list[int], glyphs: list[str], closer: str) -> int:
    """Stack position of the top opener if *closer* may close it, else -1."""
    if stack and _single_compatible(glyphs[stack[-1]], closer):
        return len(stack) - 1
    return -1


def _find_single(stack: list[int], glyphs: list[str], counts: list[int], closer: str) -> int:
    """Stack position of the nearest single opener *closer* may close, else -1."""
    if _CATEGORY[closer] == _S_GUIL:
        wanted: tuple[int, ...] = (_S_GUIL,)
    elif closer == "’":
        wanted = (_S_OTHER,)
    else:
        wanted = (_S_LOW, _S_OTHER)
    # the counts keep a failing search from scanning the stack (linear time)
    if not any(counts[c] for c in wanted):
        return -1
    for pos in range(len(stack) - 1, -1, -1):
        if _CATEGORY[glyphs[stack[pos]]] in wanted:
            return pos
    return -1  # pragma: no cover - the counts say there is one


def _find_double(stack: list[int], glyphs: list[str], counts: list[int], closer: str) -> int:
    """Stack position of the nearest double opener, preferring the closer's own kind (« or “)."""
    own = _CATEGORY[closer]
    if own != _D_OTHER and counts[own]:
        wanted: tuple[int, ...] = (own,)
    elif counts[_D_GUIL] or counts[_D_CURLY] or counts[_D_OTHER]:
        wanted = (_D_GUIL, _D_CURLY, _D_OTHER)
    else:
        return -1
    for pos in range(len(stack) - 1, -1, -1):
        if _CATEGORY[glyphs[stack[pos]]] in wanted:
            return pos
    return -1  # pragma: no cover - the counts say there is one


def _ends_word(text: str, pos: int) -> bool:
    """Does a word end at *pos*: end of text, white space, or punctuation before either?

    ('90er, '22. and '22, are years; '47° or '47,5 are not.)
    """
    c = text[pos : pos + 1]
    if _kind(c) == _WS:
        return True
    return c in ".,;:!?)" and _kind(text[pos + 1 : pos + 2]) == _WS


def _word_before(text: str, end: int) -> str:
    """The letters/digits right before *end* (at most 24; longer runs are no elision)."""
    start = end
    while start > 0 and end - start <= 24 and _kind(text[start - 1]) == _ALNUM:
        start -= 1
    return text[start:end]


def _neighbours(text: str, length: int, s: int, e: int) -> tuple[str, str]:
    """The characters before and after ``text[s:e]`` ("" at an edge).

    A no-break space right next to a mark is looked through (French spacing).
    """
    j = s - 1
    if j >= 0 and text[j] in _PADS:
        j -= 1
    k = e
    if k < length and text[k] in _PADS:
        k += 1
    return (text[j] if j >= 0 else ""), (text[k] if k < length else "")


def _flanking(p: str, n: str) -> tuple[bool, bool]:
    """May a mark between *p* and *n* open (left-flanking), close (right-flanking)?"""
    pk = _kind(p)
    nk = _kind(n)
    left = nk != _WS and n not in _CLOSING_PUNCT and (nk == _ALNUM or pk != _ALNUM)
    right = pk != _WS and p not in _OPENING_PUNCT and (pk == _ALNUM or nk != _ALNUM)
    return left, right


def _next_closer(
    text: str, length: int, marks: list[tuple[int, int, str]], idx: int, limit: int
) -> int:
    """Index of the next mark of the same kind (double/single) as mark *idx* that is not
    itself a unit mark after a digit; if the paragraph has none, the index of the first
    mark after the paragraph (or ``len(marks)``)."""
    double = _CATEGORY[marks[idx][2]] < _S_GUIL
    for j in range(idx + 1, len(marks)):
        s, e, g = marks[j]
        if s >= limit:
            return j  # the first mark of the next paragraph: none in this one
        if (_CATEGORY[g] < _S_GUIL) != double:
            continue
        p, n = _neighbours(text, length, s, e)
        if p.isdecimal() and (g in '"″' or g == "''" or (g in "'′" and _kind(n) != _ALNUM)):
            continue  # another unit mark
        if not double and _kind(p) == _ALNUM:
            continue  # after a letter a single mark may be an apostrophe (geht's, Harris')
        return j
    return len(marks)


def _closer_follows(
    text: str,
    length: int,
    marks: list[tuple[int, int, str]],
    idx: int,
    limit: int,
    cache: list[int],
) -> bool:
    """Does a mark that may close the open quote follow mark *idx* in the paragraph?

    Decides whether ``27"`` inside an open quote is a unit mark (a closing mark
    follows: ``„Der 27" Monitor“``) or the closing quote (``"Seite 27"``).
    *cache* holds, per kind, the last answer of :func:`_next_closer`, which
    stays valid for every mark before it: the scans never overlap (linear time).
    """
    kind = 0 if _CATEGORY[marks[idx][2]] < _S_GUIL else 1
    if cache[kind] <= idx:
        cache[kind] = _next_closer(text, length, marks, idx, limit)
    j = cache[kind]
    if j >= len(marks) or marks[j][0] >= limit:
        return False
    left, right = _flanking(*_neighbours(text, length, marks[j][0], marks[j][1]))
    return right or not left


def _decide(
    text: str,
    length: int,
    marks: list[tuple[int, int, str]],
    idx: int,
    limit: int,
    stack: list[int],
    glyphs: list[str],
    counts: list[int],
    words: frozenset[str],
    cache: list[int],
) -> tuple[int, int]:
    """Role of mark *idx* and the stack position it closes (-1: none).

    *limit* is where the paragraph ends. A target of -2 with ``_APOS`` means:
    an elision like ``'n'`` whose second mark is an apostrophe as well.
    """
    s, e, g = marks[idx]
    p, n = _neighbours(text, length, s, e)
    pk = _kind(p)
    nk = _kind(n)
    single = _CATEGORY[g] >= _S_GUIL

    # 1. after a digit: inch, foot, second and minute marks, unless a quote
    #    is open and no other mark follows that could close it
    if pk == _ALNUM and p.isdecimal():
        if g in "′″`´":
            return (_APOS if g in "`´" and nk == _ALNUM and not n.isdecimal() else _KEEP), -1
        if g == "'":
            if nk == _ALNUM:
                return (_KEEP if n.isdecimal() else _APOS), -1
            top = _top_single(stack, glyphs, g)
            if top >= 0 and not _closer_follows(text, length, marks, idx, limit, cache):
                return _CLOSE, top
            return _KEEP, -1
        if g in ('"', "''"):
            target = _find_double(stack, glyphs, counts, g)
            if target >= 0 and not _closer_follows(text, length, marks, idx, limit, cache):
                return _CLOSE, target
            return _KEEP, -1

    # 2. a single mark between two letters is an apostrophe
    if pk == _ALNUM and nk == _ALNUM and g in _APOS_CAPABLE:
        if p.isdecimal() and n.isdecimal():
            return _KEEP, -1
        return _APOS, -1

    left, right = _flanking(p, n)

    # 3. an opening mark (or an elision: 's, 'n', '90er) — unless it is glued
    #    between the end of an open quote's sentence and the next word
    if left and not right and p in _QUOTE_END_PUNCT and g not in _OPEN_ONLY:
        if single:
            target = _top_single(stack, glyphs, g) if g not in _NEVER_CLOSE else -1
        else:
            target = _find_double(stack, glyphs, counts, g)
        if target >= 0:
            return _CLOSE, target
    if left and not right:
        if g in _APOS_CAPABLE:
            word = _WORD_AFTER.match(text, e)
            if word is not None:
                after = word.end()
                c = text[after] if after < length else ""
                if _kind(c) != _ALNUM:
                    w = word.group().lower()
                    if c and c in _APOS_CAPABLE:
                        if "'" + w + "'" in words:
                            return _APOS, -2
                    elif "'" + w in words or (_YEAR.fullmatch(w) and _ends_word(text, after)):
                        return _APOS, -1
        return _OPEN, -1

    # 4. a closing mark
    if right and not left:
        if g in _NEVER_CLOSE:
            # ‚ after a word: a comma look-alike; ` and `` close nothing (`code`)
            return _KEEP, -1
        if not single:
            return _CLOSE, _find_double(stack, glyphs, counts, g)
        if g in _APOS_CAPABLE and pk == _ALNUM and not p.isdecimal():
            # after a word: a closing quote only if a single quote is open at this level
            if (_word_before(text, s).lower() + "'") in words:
                return _APOS, -1
            top = _top_single(stack, glyphs, g)
            return (_CLOSE, top) if top >= 0 else (_APOS, -1)
        target = _top_single(stack, glyphs, g)
        if target < 0:
            target = _find_single(stack, glyphs, counts, g)
        if target >= 0:
            return _CLOSE, target
        return (_APOS, -1) if g in _APOS_CAPABLE else (_CLOSE, -1)

    # 5. undecided by the neighbours (space or punctuation on both sides, or a
    #    double mark inside a word): close what is open, else open
    if g in _OPEN_ONLY:
        return _OPEN, -1
    if g in _NEVER_CLOSE or g == "´":
        return _KEEP, -1
    if not single:
        target = _find_double(stack, glyphs, counts, g)
        return (_CLOSE, target) if target >= 0 else (_OPEN, -1)
    top = _top_single(stack, glyphs, g)
    if top >= 0:
        return _CLOSE, top
    return (_APOS, -1) if g == "’" else (_OPEN, -1)


def _unpaired_opener(glyph: str) -> int:
    """Role of an opening mark that found no closing one."""
    if glyph in _NEVER_CLOSE or glyph == "´":
        return _KEEP  # a backtick, accent or low comma on its own is no quote
    if glyph in _APOS_CAPABLE:
        return _APOS
    return _OPEN


def _finish_paragraph(
    glyphs: list[str],
    roles: list[int],
    paired: list[bool],
    levels: list[int],
    stack: list[int],
    counts: list[int],
    first: int,
    end: int,
) -> None:
    """Settle the unpaired marks of a paragraph and give every quote its nesting level.

    Levels count paired quotes only, so an unpaired mark does not raise the
    level of the quotes after it. An unpaired mark is written on its own: a
    double one with the outer marks, a single one as an apostrophe (‹ › ‚ `
    ´ and ```` `` ```` on their own stay as they are).
    """
    for idx in stack:
        roles[idx] = _unpaired_opener(glyphs[idx])
    stack.clear()
    counts[:] = [0] * len(counts)
    depth = 0
    for idx in range(first, end):
        role = roles[idx]
        if role in (_OPEN, _CLOSE):
            if paired[idx]:
                if role == _OPEN:
                    depth += 1
                    levels[idx] = depth
                else:
                    levels[idx] = depth
                    depth -= 1
            elif _CATEGORY[glyphs[idx]] < _S_GUIL:
                levels[idx] = 1
            else:
                roles[idx] = _KEEP  # ‹ › ‚ on their own are left as they are


def _emit(
    text: str,
    st: _Style,
    marks: list[tuple[int, int, str]],
    roles: list[int],
    levels: list[int],
) -> str:
    """Build the output: every mark replaced by the style's mark for its role and level."""
    out: list[str] = []
    cursor = 0
    length = len(text)
    for i, role in enumerate(roles):
        if role == _KEEP:
            continue
        s, e, g = marks[i]
        if role == _APOS:
            rep = st.apostrophe
        elif levels[i] % 2:
            if st.pad:
                if role == _OPEN:
                    out.append(text[cursor:s])
                    out.append(st.open1)
                    k = e
                    while k < length and text[k] in _HSPACE:
                        k += 1
                    if k < length and text[k] not in _LINE_BREAKS:
                        out.append(NNBSP if text[e:k] == NNBSP else NBSP)
                    cursor = k
                else:
                    j = s
                    while j > cursor and text[j - 1] in _HSPACE:
                        j -= 1
                    out.append(text[cursor:j])
                    if j > 0 and text[j - 1] not in _LINE_BREAKS:
                        out.append(NNBSP if text[j:s] == NNBSP else NBSP)
                    out.append(st.close1)
                    cursor = e
                continue
            rep = st.open1 if role == _OPEN else st.close1
        else:
            rep = st.open2 if role == _OPEN else st.close2
        if rep != g:
            out.append(text[cursor:s])
            out.append(rep)
            cursor = e
    out.append(text[cursor:])
    return "".join(out)
